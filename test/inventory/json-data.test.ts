// What JSON cannot hold in inventory data, found without recursion: each row is the problem named.
import { expect, test } from "vitest";
import { findJsonProblem } from "../../src/util/json-data.js";

const shared = { port: 22 };
const cycle: Record<string, unknown> = { a: [1, 2] };
(cycle.a as unknown[]).push(cycle);
let deep: unknown = 1;
for (let i = 0; i < 50_000; i++) deep = [deep];

test.each([
  ["plain data", { a: [1, "x", null, true], b: { c: 1.5 } }, undefined],
  ["a shared object (not a cycle)", { a: shared, b: shared, c: [shared] }, undefined],
  ["a Date (printed by its toJSON)", { when: new Date(0) }, undefined],
  ["functions and undefined (JSON leaves them out)", { f: () => 1, u: undefined }, undefined],
  ["a cycle through an array", cycle, "a[2] refers back to the data itself (a circular reference)"],
  ["a BigInt in a list", { sizes: [1, 2n] }, "sizes[1] is a BigInt (2n)"],
  ["a key that is not an identifier", { "my key": { x: 3n } }, '["my key"].x is a BigInt (3n)'],
  ["50,000 nested arrays", deep, "[0][0][0][0]… is nested more than 100 levels deep"],
  ["an invalid Date (its toJSON gives null)", { when: new Date(Number.NaN) }, undefined],
  [
    "a toJSON that throws",
    {
      when: {
        toJSON() {
          throw new Error("no clock");
        },
      },
    },
    "reading when threw Error: no clock",
  ],
  [
    "a proxy whose keys cannot be listed",
    {
      p: new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error("no keys");
          },
        },
      ),
    },
    "reading p threw Error: no keys",
  ],
])("%s", (_, value, message) => {
  expect(findJsonProblem(value)?.message).toBe(message);
});

test("gettersOnly walks past cycles, BigInts and depth to the getter that throws", () => {
  const data = {
    big: 1n,
    cycle,
    deep,
    later: {
      get secret(): string {
        throw new Error("sealed");
      },
    },
  };
  expect(findJsonProblem(data, ["export"], true)).toEqual({
    kind: "getter",
    message: "reading export.later.secret threw Error: sealed",
    fix: "Make it a plain value, or catch the error in its getter.",
  });
});
