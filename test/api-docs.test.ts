// scripts/api-docs.mjs run as `npm test` and a developer run it: it rewrites a stale README's generated
// sections to the current ones, `--check` fails on a stale one, and a README without markers is refused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";

const root = new URL("..", import.meta.url).pathname;
const readme = readFileSync(join(root, "README.md"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "infra-action-api-docs-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Runs the generator from the repository root on a README copy.
function generate(file: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, ["scripts/api-docs.mjs", "--readme", file, ...flags], {
    cwd: root,
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
