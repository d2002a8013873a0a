// The README documents what the code declares, and the public API names every operation.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { connectors } from "../src/engine/connect.js";
import { facts } from "../src/facts/index.js";
import * as publicApi from "../src/index.js";
import { operationFamilies } from "../src/operations/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const row = (name: string) => new RegExp(`^\\| \`${name.replace(/\./g, "\\.")}\` +\\|`, "m");

describe("README", () => {
  test.each(Object.values(connectors).flatMap((c) => c.dataKeys.map((spec) => spec.key)))(
    "documents data key %s",
    (key) => {
      expect(readme).toMatch(row(key));
    },
  );

  test.each(
    Object.values(operationFamilies).flatMap((family) => Object.values(family).map((op) => [op.name, op.description])),
  )("documents operation %s", (name, description) => {
    expect(readme).toMatch(
      new RegExp(
        `^\\| \`${name.replace(/\./g, "\\.")}\` +\\| ${description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} +\\|`,
        "m",
      ),
    );
  });

  test.each(Object.values(facts).map((f) => [f.name, f.description]))("documents fact %s", (name, description) => {
    expect(readme).toMatch(
      new RegExp(`^\\| \`${name}\` +\\| ${description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} +\\|`, "m"),
    );
  });
});

test("the public API offers every operation family with every operation", () => {
  const api = publicApi as unknown as Record<string, Record<string, unknown>>;
  for (const [family, operations] of Object.entries(operationFamilies)) {
    expect(Object.keys(api[family] ?? {}).sort(), family).toEqual(Object.keys(operations).sort());
  }
});
