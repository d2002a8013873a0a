// Operation fixtures: one JSON file per case under test/fixtures/operations/<operation>/: arguments
// and facts in, commands (or a no-op and its reason, which every no-op must have) out, checked by the
// same harness users get (checkOperationFixture).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkOperationFixture, type OperationFixture } from "../../src/operations/fixture-harness.js";
import { operationsByName } from "../../src/operations/index.js";

const root = new URL("../fixtures/operations/", import.meta.url).pathname;

const cases = readdirSync(root).flatMap((operation) =>
  readdirSync(join(root, operation))
    .filter((file) => file.endsWith(".json"))
    .map((file) => ({
      operation,
      name: file.replace(/\.json$/, ""),
      fixture: JSON.parse(readFileSync(join(root, operation, file), "utf8")) as OperationFixture,
    })),
);

describe.each([...new Set(cases.map((c) => c.operation))])("%s", (operation) => {
  test.each(cases.filter((c) => c.operation === operation).map((c) => [c.name, c.fixture] as const))(
    "%s",
    (_, fixture) => {
      const definition = operationsByName[operation];
      expect(definition, `no operation ${operation}`).toBeDefined();
      if (!definition) return;
      expect(checkOperationFixture(definition, fixture)).toEqual([]);
    },
  );
});

test("every no-op fixture states its reason, and every operation has fixtures", () => {
  for (const { operation, name, fixture } of cases) {
    if ("noop" in fixture) expect(fixture.noop, `${operation}/${name}`).toMatch(/\S/);
  }
  const covered = new Set(cases.map((c) => c.operation));
  expect(Object.keys(operationsByName).filter((op) => !covered.has(op))).toEqual([]);
});
