// scripts/api-docs.mjs run as `npm test` and a developer run it: it rewrites a stale README's generated
// sections to the current ones, `--check` fails on a stale one, a README without markers is refused, and so
// are definitions whose argument types lack documentation.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const readme = readFileSync(join(root, "README.md"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "infra-action-api-docs-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Runs the generator from a repository root (this one unless given) on a README copy.
function generate(file: string, ...flags: string[]) {
  return generateIn(root, file, ...flags);
}

// Runs the generator in the repository copy at `cwd`.
function generateIn(cwd: string, file: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, ["scripts/api-docs.mjs", "--readme", file, ...flags], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("a stale README fails --check and is rewritten to the current one", () => {
  const file = join(dir, "stale.md");
  const stale = readme
    .replace(/^\| `server\.shell` \| [^\n]*$/m, "| `server.shell` | Runs things. |  |")
    .replace(/^\| `Os` \| [^\n]*$/m, "");
  expect(stale).not.toBe(readme);
  writeFileSync(file, stale);

  const check = generate(file, "--check");
  expect(check.status).toBe(1);
  expect(check.stderr).toContain(
    "stale.md's operation and fact tables are out of date: run `node scripts/api-docs.mjs`.",
  );
  expect(readFileSync(file, "utf8")).toBe(stale);

  expect(generate(file).status).toBe(0);
  // The README in the repository is the generator's output: regenerating the stale copy gives it back.
  expect(readFileSync(file, "utf8")).toBe(readme);
}, 240_000);

test("a README without the markers is refused, naming them", () => {
  const file = join(dir, "unmarked.md");
  writeFileSync(file, readme.replace(/<!-- api-docs:facts:end -->/, ""));
  const result = generate(file);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("unmarked.md: no api-docs:facts markers");
  expect(readFileSync(file, "utf8")).not.toContain("<!-- api-docs:facts:end -->");
}, 120_000);

test("an undocumented argument and an operation missing from arg-types.ts are refused, naming them", () => {
  const copy = join(dir, "repo");
  for (const part of ["src", "scripts", "README.md"]) cpSync(join(root, part), join(copy, part), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  const argTypes = join(copy, "src/operations/arg-types.ts");
  const source = readFileSync(argTypes, "utf8");
  const undocumented = source.replace(/\n *\/\*\* The time zone's name[^\n]*\*\/\n/, "\n");
  expect(undocumented).not.toBe(source);
  const withoutWait = undocumented.replace(/\n {2}\/\*\* Wait until [^\n]*\n {2}wait: \{[^}]*\};\n/, "\n");
  expect(withoutWait).not.toBe(undocumented);
  writeFileSync(argTypes, withoutWait);

  const result = generateIn(copy, join(copy, "README.md"), "--check");
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("The operation definitions disagree:");
  expect(result.stderr).toContain(
    "- server.wait has no entry in src/operations/arg-types.ts: add its arguments, with doc comments",
  );
  expect(result.stderr).toContain(
    "- server.timezone's argument timezone has no doc comment in src/operations/arg-types.ts",
  );
}, 120_000);
