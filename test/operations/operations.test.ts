// Operation fixtures: one JSON file per case under test/fixtures/operations/<operation>/: arguments
// and facts in, commands (or a no-op and its reason, which every no-op must have) out.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { operationsByName } from "../../src/operations/index.js";
import type { Command, FactLookup } from "../../src/operations/operation.js";

const root = new URL("../fixtures/operations/", import.meta.url).pathname;

interface Fixture {
  description?: string;
  args: Record<string, unknown>;
  // "FactName" or "FactName(<arguments as JSON>)" → value
  facts?: Record<string, unknown>;
  // What prepare would give: {"content": "text"} for put/template/script, {"files": [...]} for sync
  prepared?: Record<string, unknown>;
  commands?: unknown[];
  noop?: string;
  error?: string;
  diff?: string;
}

const cases = readdirSync(root).flatMap((operation) =>
  readdirSync(join(root, operation))
    .filter((file) => file.endsWith(".json"))
    .map((file) => ({
      operation,
      name: file.replace(/\.json$/, ""),
      fixture: JSON.parse(readFileSync(join(root, operation, file), "utf8")) as Fixture,
    })),
);

// Commands as fixtures write them: shell commands as strings, files with their text.
function readable(command: Command): unknown {
  if (command.type === "shell") return command.command;
  if (command.type === "file") {
    const { content, ...rest } = command;
    return { ...rest, type: "file", text: Buffer.from(content, "base64").toString("utf8") };
  }
  return command;
}

function prepared(fixture: Fixture): unknown {
  const p = fixture.prepared;
  if (!p) return undefined;
  return {
    ...p,
    ...(typeof p.content === "string" ? { content: Buffer.from(p.content) } : {}),
    ...(p.local === undefined ? {} : { local: p.local === null ? undefined : Buffer.from(String(p.local)) }),
    ...(Array.isArray(p.files)
      ? {
          files: p.files.map((f: { path: string; text: string; mode?: number }) => ({
            path: f.path,
            content: Buffer.from(f.text),
            mode: f.mode ?? 0o100644,
          })),
        }
      : {}),
  };
}

describe.each([...new Set(cases.map((c) => c.operation))])("%s", (operation) => {
  test.each(cases.filter((c) => c.operation === operation).map((c) => [c.name, c.fixture] as const))(
    "%s",
    (_, fixture) => {
      const definition = operationsByName[operation];
      expect(definition, `no operation ${operation}`).toBeDefined();
      if (!definition) return;
      const facts: FactLookup = {
        get: (fact, args) => {
          const keys = [
            `${fact.name}(${JSON.stringify(args ?? null)})`,
            ...(args === undefined || (typeof args === "object" && args !== null && Object.keys(args).length === 0)
              ? [fact.name]
              : []),
          ];
          const key = keys.find((k) => fixture.facts && k in fixture.facts);
          if (key === undefined) throw new Error(`fixture lacks fact ${keys[0]}`);
          return fixture.facts?.[key] as never;
        },
      };
      const run = () => {
        const args = definition.validate(fixture.args);
        const ready = prepared(fixture);
        const needs = definition
          .facts(args, ready)
          .map((need) => `${need.fact.name}(${JSON.stringify(need.args ?? null)})`);
        return { plan: definition.plan(args, facts, ready), needs };
      };
      if (fixture.error !== undefined) {
        expect(run).toThrow(fixture.error);
        return;
      }
      const { plan } = run();
      if (fixture.noop !== undefined) {
        expect(plan.changed).toBe(false);
        if (!plan.changed) expect(plan.reason).toBe(fixture.noop);
        return;
      }
      expect(fixture.commands, "a fixture says commands, noop or error").toBeDefined();
      expect(plan.changed).toBe(true);
      if (plan.changed) {
        expect(plan.commands.map(readable)).toEqual(fixture.commands);
        if (fixture.diff !== undefined) expect(plan.diff).toBe(fixture.diff);
      }
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
