// The bar every operation meets: JSON fixtures (test/operations/operations.test.ts) and an integration test
// that applies it for real, or a place in fixtureOnlyOperations with the reason it cannot run here — and the
// README's operation table says "fixture-tested" for exactly those.
//
// The rule, read from the text of every test/**/*.int.test.ts and of the deploy files it names by path
// (test/fixtures/deploys/…, examples/…), comment lines left out:
// - an operation is applied by a test when a call `family.op(` is in that text;
// - an operation that can find nothing to change must be called where the test also checks "unchanged" (the
//   second run); one whose description says "always a change" (server.shell, …) has no second run to check;
// - a fixture-only operation that can find nothing to change must not be applied that way (a stale entry).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fixtureOnlyOperations } from "../../src/operations/fixture-only.js";
import { operationsByName } from "../../src/operations/index.js";

const repoRoot = new URL("../../", import.meta.url).pathname;

// The text a test runs: the test file and the deploy files it names, without comment lines.
interface TestSource {
  file: string;
  text: string;
  checksUnchanged: boolean;
}

// Drops lines that are comments only, so a comment naming an operation does not count as a call.
function withoutCommentLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");
}

// Every integration test file under test/, with the deploy files it names.
function readTestSources(): TestSource[] {
  const files = readdirSync(join(repoRoot, "test"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".int.test.ts"))
    .sort();
  return files.map((file) => {
    const own = readFileSync(join(repoRoot, "test", file), "utf8");
    const deploys = [...own.matchAll(/["'`]((?:test\/fixtures\/deploys|examples)\/[\w./-]+\.(?:ts|js|mjs))["'`]/g)]
      .map((match) => match[1] as string)
      .filter((path) => existsSync(join(repoRoot, path)))
      .map((path) => readFileSync(join(repoRoot, path), "utf8"));
    const text = withoutCommentLines([own, ...deploys].join("\n"));
    return { file: `test/${file}`, text, checksUnchanged: /["'`]unchanged["'`]/.test(text) };
  });
}

const sources = readTestSources();
const operations = Object.entries(operationsByName).map(([name, op]) => ({
  name,
  alwaysChanges: /always a change/.test(op.description),
}));

// A call of the operation: its full name right before "(", not the tail of a longer name (a "\n" escape in
// a deploy written from a string may come right before it).
function callPattern(name: string): RegExp {
  return new RegExp(`(?:(?<![\\w.$])|(?<=\\\\n))${name.replace(/\./g, "\\.")}\\(`);
}

// The test files that call an operation (in a way that counts for it).
function applyingTests(name: string, alwaysChanges: boolean): string[] {
  const call = callPattern(name);
  return sources.filter((s) => call.test(s.text) && (alwaysChanges || s.checksUnchanged)).map((s) => s.file);
}

// The operation table's rows of the README, by operation name.
function readmeOperationRows(): Map<string, string> {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const rows = new Map<string, string>();
  for (const match of readme.matchAll(/^\| `([a-z_]+\.[a-z_]+)` +\|.*$/gm)) rows.set(match[1] as string, match[0]);
  return rows;
}

describe("every operation is applied twice for real or listed as fixture-only", () => {
  test.each(operations)("$name", ({ name, alwaysChanges }) => {
    const tests = applyingTests(name, alwaysChanges);
    const reason = fixtureOnlyOperations[name];
    if (reason === undefined) {
      expect(
        tests,
        `${name} is applied by no integration test: call ${name}( in a test/**/*.int.test.ts (or a deploy file it runs) that applies it and checks a second run is "unchanged", or list it in src/operations/fixture-only.ts with the reason it cannot run here`,
      ).not.toEqual([]);
    } else {
      expect(reason, `${name}: give the reason it is fixture-only`).toMatch(/\S{3}/);
      // A stale entry: the operation is applied and checked "unchanged" after all. (An operation that is always
      // a change may be called where it cannot work, to check how it fails, and stay fixture-only.)
      if (!alwaysChanges)
        expect(
          tests,
          `${name} is listed in src/operations/fixture-only.ts but applied by an integration test: remove it from the list and its README mark`,
        ).toEqual([]);
    }
  });
});

test("the fixture-only list names existing operations only", () => {
  expect(Object.keys(fixtureOnlyOperations).filter((name) => !(name in operationsByName))).toEqual([]);
});

test('the README\'s operation table says "fixture-tested" for exactly the fixture-only operations', () => {
  const rows = readmeOperationRows();
  const marked = operations.filter(({ name }) => rows.get(name)?.includes("fixture-tested")).map((o) => o.name);
  expect(marked.sort()).toEqual(Object.keys(fixtureOnlyOperations).sort());
});

test("the rule sees calls, not names in comments or other words", () => {
  // The rule's own pieces on made-up text, so a change to them that would count everything fails here.
  const text = withoutCommentLines(
    '// server.user({ name: "x" })\nfiles.line_x({});\nmy.server.hostname({});\nfiles.link({ path: "/a" }); "\\napt.deb({})"',
  );
  const calls = (name: string) => callPattern(name).test(text);
  expect(["server.user", "files.line", "server.hostname", "files.link", "apt.deb"].map(calls)).toEqual([
    false,
    false,
    false,
    true,
    true,
  ]);
});
