// An honest plan on real hosts: facts the host would not give make the plan incomplete ("cannot
// tell", nothing applied), fact arguments are checked, one host's deploy code (an unhandled
// rejection, a promise that never settles) fails that host only, each host's time is its own, and
// live progress never says "applied" for a host that failed.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-honest-"));
const base = `/tmp/ia-honest-${process.pid}`;
const onMain = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();
const containersOfImage = () =>
  execFileSync("docker", ["ps", "-aq", "--filter", `ancestor=${env.image}`], { encoding: "utf8" }).trim();

beforeAll(() => {
  // Root-only things the deploy user meets: a file in a directory it may not enter, a file it may
  // not read, and a repository another user owns (git refuses it: "dubious ownership").
  onMain(
    [
      `mkdir -p ${base}/locked ${base}/web-a ${base}/web-b ${base}/repo`,
      `echo secret=1 > ${base}/locked/app.conf && chmod 700 ${base}/locked`,
      `echo secret=1 > ${base}/shadow.conf && chmod 600 ${base}/shadow.conf`,
      `git init -q ${base}/repo`,
      `chown deploy ${base}/web-a ${base}/web-b`,
    ].join(" && "),
  );
});
afterAll(() => onMain(`rm -rf ${base}`));

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function run(mode: "plan" | "apply", inventory: string, deploy: string, extra: string[] = []) {
  const reportFile = join(dir, `${Math.random().toString(36).slice(2)}.report.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : []), ...extra],
    { timeoutMs: 120_000 },
  );
  expect(existsSync(reportFile), `no report; stderr: ${result.stderr}`).toBe(true);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  return { result, report, host: (name: string) => report.hosts.find((h) => h.name === name) };
}

const sshHost = (name: string, data: Record<string, unknown> = {}) => [name, deployHostData(env, data)];

describe("facts the host would not give", () => {
  test("operations that cannot tell make the plan incomplete and nothing is applied on that host", async () => {
    const inventory = write("locked.json", JSON.stringify({ web: [sshHost("web-a", { base })] }));
    const deploy = write(
      "locked.ts",
      `import { files, git, host, server } from "infra-action";
const base = host.data.base as string;
server.shell({ name: "would run first", commands: [\`touch \${base}/web-a/touched\`] });
files.line({ name: "locked conf", path: \`\${base}/locked/app.conf\`, line: "secret=2" });
files.line({ name: "shadow conf", path: \`\${base}/shadow.conf\`, line: "secret=2" });
git.repo({ name: "foreign repo", src: "/srv/none.git", dest: \`\${base}/repo\` });
`,
    );
    const { result, host } = await run("apply", inventory, deploy);
    expect(result.exitCode).toBe(1);
    const web = host("web-a");
    expect(web?.status).toBe("failed");
    expect(web?.error).toBe(
      `plan incomplete: 3 operations cannot tell what to do ("locked conf", "shadow conf", "foreign repo"); the first: cannot tell: cannot read ${base}/locked/app.conf: permission denied — does it need \`_sudo: true\`? Nothing was applied on this host.`,
    );
    const reasons = Object.fromEntries((web?.operations ?? []).map((op) => [op.name, op.reason]));
    expect(reasons["shadow conf"]).toBe(
      `cannot tell: cannot read ${base}/shadow.conf: permission denied — does it need \`_sudo: true\`?`,
    );
    expect(reasons["foreign repo"]).toMatch(
      new RegExp(`^cannot tell: cannot read the git repository ${base}/repo: detected dubious ownership`),
    );
    expect(result.stdout).not.toMatch(/larger than 1 MiB/);
    expect(onMain(`ls ${base}/web-a`)).toBe("");
  });

  test("infra-action fact says why a fact cannot be read", async () => {
    const inventory = write("fact.json", JSON.stringify({ web: [sshHost("web-a")] }));
    const result = await runCli(["fact", inventory, "File", `path=${base}/locked/app.conf`]);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      "web-a": { error: `cannot stat ${base}/locked/app.conf: permission denied` },
    });
  });
});

describe("fact arguments", () => {
  const inventory = "examples/inventory/test-hosts.ts";
  test.each([
    [
      ["File"],
      'error: fact File needs the argument "path" (a path on the host). Give arguments as key=value (e.g. infra-action fact INVENTORY File path=…).',
    ],
    [
      ["File", "pth=/etc/hosts"],
      'error: "pth" is not an argument of fact File (did you mean "path"?); it takes path (required). Give arguments as key=value (e.g. infra-action fact INVENTORY File path=…).',
    ],
    [
      ["Command"],
      'error: fact Command needs the argument "command" (the shell command to run). Give arguments as key=value (e.g. infra-action fact INVENTORY Command command=…).',
    ],
    [["Os", "path=/x"], 'error: fact Os takes no arguments, but was given "path". Give arguments as key=value.'],
  ])("fact %j is refused before any host is contacted", async (args, message) => {
    const result = await runCli(["fact", inventory, ...args]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(message);
    expect(result.stdout).toBe("");
  });

  test("host.getFact with a misspelt argument fails the host, never gives null", async () => {
    const inventory = write("getfact.json", JSON.stringify({ web: [sshHost("web-a")] }));
    const deploy = write(
      "getfact.ts",
      `import { host, server } from "infra-action";
const file = await host.getFact("File", { pth: "/etc/hosts" } as never);
server.shell({ commands: [\`echo \${JSON.stringify(file)}\`] });
`,
    );
    const { result, host } = await run("plan", inventory, deploy);
    expect(result.exitCode).toBe(1);
    expect(host("web-a")?.error).toBe(
      'host.getFact("File", {"pth":"/etc/hosts"}): "pth" is not an argument of fact File (did you mean "path"?); it takes path (required).',
    );
  });
});

describe("one host never takes the run down", () => {
  test("an unhandled rejection in one of three hosts' deploy code fails that host; the others apply", async () => {
    const local = mkdtempSync(join(tmpdir(), "infra-action-honest-local-"));
    const docker = `@docker/${env.image}`;
    const inventory = write(
      "three.json",
      JSON.stringify({
        local: [["@local", { root: local }]],
        containers: [[docker, { root: "/tmp", forget_await: true }]],
        web: [sshHost("web-b", { root: `${base}/web-b` })],
      }),
    );
    const deploy = write(
      "three.ts",
      `import { files, host } from "infra-action";
if (host.data.forget_await) {
  // Rejects once the fact is gathered (the command fails); nobody awaits it.
  host.getFact("Command", { command: "echo broken >&2; exit 3" });
}
files.file({ name: "done", path: \`\${host.data.root}/done\` });
`,
    );
    const before = containersOfImage();
    const { result, report, host } = await run("apply", inventory, deploy);
    expect(result.exitCode).toBe(1);
    expect(host(docker)?.status).toBe("failed");
    expect(host(docker)?.error).toBe(
      'deploy code left a promise rejection unhandled (a missing await?): host.getFact("Command", {"command":"echo broken >&2; exit 3"}): cannot tell: cannot run "echo broken >&2; exit 3": exit code 3: broken. Nothing was applied on this host.',
    );
    expect(host("@local")?.status).toBe("changed");
    expect(host("web-b")?.status).toBe("changed");
    expect(existsSync(join(local, "done"))).toBe(true);
    expect(onMain(`ls ${base}/web-b`)).toBe("done");
    expect(report.totals).toMatchObject({ hosts: 3, changed: 2, failed: 1 });
    // Live progress (plain lines off a terminal) never says "applied" for the failed host.
    expect(result.stderr).toContain(`[${docker}] failed`);
    expect(result.stderr).not.toContain(`[${docker}] applied`);
    expect(result.stderr).toContain("[web-b] applied");
    expect(containersOfImage()).toBe(before);
    recordFault({
      scenario: "an unhandled rejection on one of three hosts",
      affected: 1,
      completed: report.hosts.filter((h) => h.status === "changed").length,
      leftovers: containersOfImage() === before ? 0 : 1,
      secretHits: 0,
      injectionEscapes: 0,
    });
  });

  test("deploy code that never settles fails its host at the deadline; each host's time is its own", async () => {
    const inventory = write(
      "hang.json",
      JSON.stringify({ web: [sshHost("web-a", { root: `${base}/web-a`, hang: true }), sshHost("web-b")] }),
    );
    const deploy = write(
      "hang.ts",
      `import { host, server } from "infra-action";
if (host.data.hang) await new Promise(() => {});
server.shell({ name: "hello", commands: ["echo hello"] });
`,
    );
    const { result, report, host } = await run("plan", inventory, deploy, ["--deploy-timeout", "3"]);
    expect(result.exitCode).toBe(1);
    expect(host("web-a")?.error).toBe(
      "deploy code did not finish within 3 s (a promise that never settles?); nothing was applied on this host. Raise the limit with --deploy-timeout SECONDS when it needs longer.",
    );
    expect(host("web-b")?.status).toBe("changed");
    // The hung host took the deadline; the other one its own short time, not the whole run's.
    expect(host("web-a")?.durationMs).toBeGreaterThanOrEqual(3000);
    expect(host("web-b")?.durationMs).toBeLessThan(report.durationMs - 2000);
    expect(result.stdout).toMatch(/web-b\s+changed\s+1\s+0\s+0\s+[0-2]\.\ds/);
  });
});
