// The README documents what the code declares, every operation's arguments carry their documentation (the
// hover help the README's argument reference is generated from), and the public API names every operation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readOperationTypeDocs } from "../scripts/lib/operation-docs.js";
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

describe("argument types (src/operations/arg-types.ts)", () => {
  const typeDocs = readOperationTypeDocs();
  const registered = Object.values(operationFamilies).flatMap((family) => Object.values(family).map((op) => op.name));

  test("declare exactly the registered operations", () => {
    expect(typeDocs.operations.map((op) => op.name).sort()).toEqual([...registered].sort());
  });

  test.each(typeDocs.operations.map((op) => [op.name, op] as const))(
    "%s and every argument have a doc comment",
    (_, op) => {
      expect(op.doc).not.toBe("");
      expect(op.arguments.filter((arg) => !arg.doc).map((arg) => arg.name)).toEqual([]);
    },
  );

  test("every global argument has a doc comment", () => {
    expect(typeDocs.globals.map((arg) => arg.name)).toContain("_sudo");
    expect(typeDocs.globals.filter((arg) => !arg.doc).map((arg) => arg.name)).toEqual([]);
  });

  test("the README's global arguments table lists exactly the global arguments the types declare", () => {
    // The table's rows: the first run of table lines after the heading.
    const lines = readme.slice(readme.indexOf("#### Global arguments")).split("\n");
    const first = lines.findIndex((line) => line.startsWith("|"));
    const end = lines.findIndex((line, i) => i > first && !line.startsWith("|"));
    const rows = lines.slice(first, end).flatMap((line) => /^\| `(_[a-z_]+)` +\|/.exec(line)?.[1] ?? []);
    const declared = typeDocs.globals.map((arg) => arg.name).filter((name) => name !== "name");
    expect(rows.length).toBeGreaterThan(0);
    expect([...new Set(rows)].sort()).toEqual(declared.sort());
  });

  test("the reader sees a missing doc comment, optional arguments and shared argument types", () => {
    const dir = mkdtempSync(join(tmpdir(), "infra-action-docs-test-"));
    try {
      const file = join(dir, "arg-types.ts");
      writeFileSync(
        file,
        [
          "interface Shared {",
          "  /** The path. */",
          "  path: string;",
          "}",
          "export interface OperationFamilies {",
          "  /** x.* */",
          "  x: {",
          "    /** Does y. */",
          "    y: Shared & { force?: boolean };",
          "    z: Record<string, never>;",
          "  };",
          "}",
          "export interface GlobalArgsInput {",
          "  /** Sudo. */",
          "  _sudo?: boolean;",
          "}",
        ].join("\n"),
      );
      const docs = readOperationTypeDocs(file);
      expect(docs.operations).toEqual([
        {
          name: "x.y",
          doc: "Does y.",
          arguments: [
            { name: "path", type: "string", required: true, doc: "The path." },
            { name: "force", type: "boolean", required: false, doc: "" },
          ],
        },
        { name: "x.z", doc: "", arguments: [] },
      ]);
      expect(docs.families).toEqual([{ name: "x", doc: "x.*" }]);
      expect(docs.globals).toEqual([{ name: "_sudo", type: "boolean", required: false, doc: "Sudo." }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
