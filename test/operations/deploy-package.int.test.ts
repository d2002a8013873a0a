// pyinfra's @deploy as infra-action's deploy(name, fn), from a deploy package in the repository's
// node_modules (evaluated once, as npm packages are): each host's call registers that host's operations,
// `host` inside the package is the calling host, and plans and reports group the operations under the
// deploy's name (nested deploys join theirs).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const project = mkdtempSync(join(tmpdir(), "infra-action-deploy-package-"));
const base = `/tmp/ia-deploy-package-${process.pid}`;
const onMain = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();
afterAll(() => onMain(`rm -rf ${base}`));

const write = (path: string, text: string) => {
  mkdirSync(join(project, path, ".."), { recursive: true });
  writeFileSync(join(project, path), text);
};
write(
  "node_modules/acme-web/package.json",
  JSON.stringify({ name: "acme-web", type: "module", exports: "./index.js" }),
);
write(
  "node_modules/acme-web/index.js",
  `import { deploy, files, host, server } from "infra-action";

const configure = deploy("Config", (port) => {
  server.shell({ name: "Write port", commands: [\`echo \${port} > \${host.data.base}/\${host.name}/port\`] });
});

export const webServer = deploy("Web server", (port) => {
  files.directory({ name: "Site root", path: \`\${host.data.base}/\${host.name}\` });
  configure(port);
});
`,
);
write("deploy.ts", `import { webServer } from "acme-web";\nwebServer(8080);\n`);
write(
  "inventory.json",
  JSON.stringify({ web: ["web-a", "web-b"].map((name) => [name, deployHostData(env, { base })]) }),
);

async function run(mode: "plan" | "apply") {
  const reportFile = join(project, `${mode}.json`);
  const result = await runCli(
    [mode, "inventory.json", "deploy.ts", "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { cwd: project, timeoutMs: 90_000 },
  );
  return { result, report: JSON.parse(readFileSync(reportFile, "utf8")) as Report };
}

test("a deploy package's operations belong to the calling host and are grouped under the deploy's name", async () => {
  const { result, report } = await run("plan");
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  for (const host of report.hosts) {
    expect(host.operations.map((op) => [op.deploy, op.name, op.commands])).toEqual([
      ["Web server", "Site root", [`mkdir -p ${base}/${host.name}`]],
      ["Web server › Config", "Write port", [`echo 8080 > ${base}/${host.name}/port`]],
    ]);
  }
  expect(result.stdout).toContain("~ Web server › Site root");
  expect(result.stdout).toContain("~ Web server › Config › Write port");

  const applied = await run("apply");
  expect(applied.result.exitCode, applied.result.stdout).toBe(0);
  expect(onMain(`cat ${base}/web-a/port ${base}/web-b/port`)).toBe("8080\n8080");
});

test("deploy() with a bad name is a clear error, no stack trace", async () => {
  write("bad.ts", `import { deploy } from "infra-action";\ndeploy("", () => {});\n`);
  const result = await runCli(["plan", "inventory.json", "bad.ts"], { cwd: project, timeoutMs: 60_000 });
  expect(result.exitCode).toBe(1);
  expect(result.stdout + result.stderr).toContain(
    'deploy(name, fn): the name must be a non-empty string, such as deploy("Web server", …).',
  );
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
});
