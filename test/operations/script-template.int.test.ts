// server.script_template on @local: the template is rendered with its variables and host data, uploaded,
// run with its arguments, and removed afterwards.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-script-template-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inventory = join(dir, "inventory.json");
writeFileSync(inventory, JSON.stringify({ targets: [["@local", { root: dir }]] }));
writeFileSync(join(dir, "setup.sh.j2"), '#!/bin/sh\necho "release {{ release }} in {{ host.data.root }}: $1" > "$2"\n');
const deploy = join(dir, "deploy.ts");
writeFileSync(
  deploy,
  `import { host, server } from "infra-action";
const root = host.data.root as string;
server.script_template({ name: "setup", src: \`\${root}/setup.sh.j2\`, release: "v2", args: ["it's done", \`\${root}/out.txt\`] });
`,
);

test("renders the template, runs it with its arguments, and leaves no script behind", async () => {
  const reportFile = join(dir, "report.json");
  const result = await runCli(["apply", inventory, deploy, "--report", reportFile, "--yes"], { timeoutMs: 60_000 });
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  expect(report.hosts[0]?.operations[0]?.status).toBe("changed");
  expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe(`release v2 in ${dir}: it's done\n`);
  const uploaded = createHash("sha256").update(join(dir, "setup.sh.j2")).digest("hex").slice(0, 16);
  expect(existsSync(`/tmp/infra-action-script-template-${uploaded}`)).toBe(false);
});
