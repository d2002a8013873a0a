// Fact fixtures: one JSON file per case under test/fixtures/facts/<Fact>/: command output in, value out.
// A value the host would not give is written {"unreadable": "cannot read …: why"}.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkFactFixture, type FactFixture } from "../../src/facts/fixture-harness.js";
import { factByName, facts } from "../../src/facts/index.js";

const root = new URL("../fixtures/facts/", import.meta.url).pathname;

const cases = readdirSync(root).flatMap((fact) =>
  readdirSync(join(root, fact))
    .filter((file) => file.endsWith(".json"))
    .map((file) => ({
      fact,
      name: file.replace(/\.json$/, ""),
      fixture: JSON.parse(readFileSync(join(root, fact, file), "utf8")) as FactFixture,
    })),
);

describe.each([...new Set(cases.map((c) => c.fact))])("%s", (name) => {
  test.each(cases.filter((c) => c.fact === name).map((c) => [c.name, c.fixture] as const))("%s", (_, fixture) => {
    const fact = factByName(name);
    expect(fact, `no fact ${name}`).toBeDefined();
    if (!fact) return;
    expect(checkFactFixture(fact as never, fixture)).toEqual([]);
  });
});

test("every fact has fixtures", () => {
  const covered = new Set(cases.map((c) => c.fact));
  expect(Object.keys(facts).filter((f) => !covered.has(f))).toEqual([]);
});

test("every fact declares its arguments", () => {
  expect(
    Object.values(facts)
      .filter((fact) => fact.arguments === undefined)
      .map((fact) => fact.name),
  ).toEqual([]);
});
