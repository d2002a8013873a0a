// The README's "Writing your own operation and fact" example (test/fixtures/deploys/own-operation.ts):
// it is the README's text, it type-checks against the public API, and on @local the first apply
// changes the host and a second plan finds nothing to change.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { repoRoot, runCli } from "../helpers/run-cli.js";

const example = join(repoRoot, "test/fixtures/deploys/own-operation.ts");
const dir = mkdtempSync(join(tmpdir(), "infra-action-own-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the README shows the example as it is tested", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Writing your own operation and fact"));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(block).toBe(readFileSync(example, "utf8"));
});

test("the example type-checks against the public API", () => {
  const config = ts.readConfigFile(join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram([example], { ...options, noEmit: true });
  const file = program.getSourceFile(example);
  const problems = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  expect(problems).toEqual([]);
}, 60_000);

async function run(mode: "plan" | "apply", name: string) {
  const inventory = join(dir, "inventory.json");
  writeFileSync(inventory, JSON.stringify({ targets: [["@local", { root: dir }]] }));
  const deploy = join(dir, "deploy.ts");
  copyFileSync(example, deploy);
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 60_000 },
  );
  return { result, operation: (JSON.parse(readFileSync(reportFile, "utf8")) as Report).hosts[0]?.operations[0] };
}

test("a user's fact and operation apply once, then plan nothing", async () => {
  const first = await run("apply", "first");
  expect(first.result.exitCode, first.result.stdout + first.result.stderr).toBe(0);
  expect(first.operation).toMatchObject({ name: "PORT (was unset)", op: "env.value", status: "changed" });
  expect(readFileSync(join(dir, "app.env"), "utf8")).toBe("PORT=8080\n");

  const second = await run("plan", "second");
  expect(second.result.exitCode, second.result.stdout + second.result.stderr).toBe(0);
  expect(second.operation).toMatchObject({
    name: "PORT (was 8080)",
    status: "unchanged",
    reason: `${dir}/app.env already sets PORT=8080`,
  });
}, 120_000);
