// Engine rules on real hosts: a failing operation stops its host only; _ignore_errors, _if,
// _run_once, --limit, --fail-percent; the report's shape.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-engine-"));
const base = `/tmp/ia-engine-${process.pid}`;
const onMain = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();
afterAll(() => onMain(`rm -rf ${base}*`));

// Three names for the same SSH server, each with its own directory; `fail_at` picks a failing step.
function inventory(name: string, failAt: Record<string, number>): string {
  const host = (id: string) => [
    id,
    deployHostData(env, {
      root: `${base}-${name}/${id}`,
      once_log: `${base}-${name}/once.log`,
      fail_at: failAt[id] ?? 0,
    }),
  ];
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ web: [host("web-a"), host("web-b")], db: [host("db-a")] }));
  onMain(
    `mkdir -p ${base}-${name}/web-a ${base}-${name}/web-b ${base}-${name}/db-a && touch ${base}-${name}/once.log && chown -R deploy ${base}-${name}`,
  );
  return file;
}

async function apply(file: string, extra: string[] = []) {
  const reportFile = `${file}.report.json`;
  const result = await runCli(
    ["apply", file, "test/fixtures/deploys/engine-rules.ts", "--yes", "--report", reportFile, ...extra],
    { timeoutMs: 120_000 },
  );
  return { result, report: JSON.parse(readFileSync(reportFile, "utf8")) as Report };
}

describe("engine rules", () => {
  test("operation 3 of 5 failing stops that host only, reported with its exit code and stderr", async () => {
    const { result, report } = await apply(inventory("stop", { "web-b": 3 }));
    expect(result.exitCode).toBe(1);
    const byName = Object.fromEntries(report.hosts.map((h) => [h.name, h]));
    expect(byName["web-a"]?.status).toBe("changed");
    expect(byName["db-a"]?.status).toBe("changed");
    const b = byName["web-b"];
    expect(b?.status).toBe("failed");
    expect(b?.error).toBe(
      'operation "step 3" failed with exit code 7: step 3 broke; 6 operations after it did not run.',
    );
    expect(b?.operations.map((o) => o.status)).toEqual([
      "changed",
      "changed",
      "failed",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
    ]);
    expect(b?.operations[2]).toMatchObject({
      name: "step 3",
      op: "server.shell",
      status: "failed",
      exitCode: 7,
      stderr: "step 3 broke",
    });
    expect(onMain(`ls ${base}-stop/web-b`)).toBe("step-1\nstep-2");
    expect(result.stdout).toMatch(/web-b\s+failed\s+2\s+0\s+1\s/);
  });

  test("_ignore_errors, _if (operation, false, function) and _run_once", async () => {
    const { result, report } = await apply(inventory("rules", {}));
    expect(result.exitCode).toBe(0);
    for (const host of report.hosts) {
      const status = Object.fromEntries(host.operations.map((o) => [o.name, o.status]));
      expect(status).toMatchObject({
        "ignored failure": "failed",
        marker: "changed",
        "only if marker changed": "changed",
        "never (false _if)": "skipped",
        "after ignored": "changed",
      });
      expect(status.once).toBe(host.name === "web-a" ? "changed" : "skipped");
      expect(host.status).toBe("changed");
    }
    expect(report.hosts[1]?.operations.find((o) => o.name === "once")?.reason).toBe("_run_once: runs on web-a");
    expect(onMain(`wc -l < ${base}-rules/once.log`)).toBe("1");
    expect(onMain(`ls ${base}-rules/web-a`)).toBe(
      "after-ignored\nafter-marker\nmarker\nstep-1\nstep-2\nstep-3\nstep-4\nstep-5",
    );
  });

  test("--limit connects to the chosen hosts only", async () => {
    const { report } = await apply(inventory("limit", {}), ["--limit", "db"]);
    expect(report.hosts.map((h) => h.name)).toEqual(["db-a"]);
    expect(onMain(`ls ${base}-limit/web-a | wc -l`)).toBe("0");
  });

  test("--fail-percent: when more hosts fail to plan than allowed, nothing is applied anywhere", async () => {
    const file = inventory("percent", {});
    const broken = JSON.parse(readFileSync(file, "utf8"));
    broken.web[0][1].ssh_port = 1; // web-a: unreachable
    writeFileSync(file, JSON.stringify(broken));
    const { result, report } = await apply(file, ["--fail-percent", "20"]);
    expect(result.exitCode).toBe(1);
    expect(report.hosts.map((h) => h.status)).toEqual(["unreachable", "failed", "failed"]);
    expect(report.hosts[1]?.error).toBe("not applied: 33% of hosts failed to plan, more than --fail-percent 20.");
    expect(onMain(`ls ${base}-percent/web-b | wc -l`)).toBe("0");
  });

  test("the report has the contract's shape", async () => {
    const { report } = await apply(inventory("shape", {}));
    expect(Object.keys(report)).toEqual([
      "version",
      "mode",
      "startedAt",
      "durationMs",
      "planDigest",
      "hosts",
      "totals",
    ]);
    const host = report.hosts[0];
    expect(Object.keys(host ?? {})).toEqual([
      "name",
      "groups",
      "connector",
      "status",
      "durationMs",
      "executions",
      "timing",
      "planDigest",
      "operations",
    ]);
    // Each host's part of the digest (hostPlanDigest), which merge-reports combines.
    expect(host?.planDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(host).toMatchObject({ name: "web-a", groups: ["shape", "web"], connector: "ssh" });
    expect(report.totals).toEqual({
      hosts: 3,
      changed: 3,
      unchanged: 0,
      failed: 0,
      unreachable: 0,
      operationsChanged: 25,
    });
    for (const op of host?.operations ?? []) {
      expect(["changed", "unchanged", "failed", "skipped"]).toContain(op.status);
      expect(typeof op.durationMs).toBe("number");
      expect(Array.isArray(op.commands)).toBe(true);
    }
    // Apply: at most 2 remote executions for facts, at most 2 more to apply.
    expect(host?.executions).toBeLessThanOrEqual(4);
  });
});

describe("several operations on one file", () => {
  test("edits of a file planned on the output of the edits before them, applied in one run", async () => {
    const root = mkdtempSync(join(tmpdir(), "infra-action-edits-"));
    const inventoryFile = join(root, "inventory.json");
    writeFileSync(inventoryFile, JSON.stringify({ targets: [["@local", { root }]] }));
    writeFileSync(join(root, "app.conf"), "listen = 80\n# workers = 1\n# user = app\n");
    writeFileSync(
      join(root, "deploy.ts"),
      `import { files, host } from "infra-action";
const conf = \`\${host.data.root}/app.conf\`;
files.line({ name: "workers", path: conf, line: "^# workers", replace: "workers = 4" });
files.line({ name: "timeout", path: conf, line: "timeout = 30" });
files.replace({ name: "port", path: conf, text: "^listen = 80$", replace: "listen = 8080", flags: "m" });
files.line({ name: "no comments", path: conf, line: "^#", present: false });
`,
    );
    const run = async (mode: "plan" | "apply", name: string) => {
      const reportFile = join(root, `${name}.json`);
      const args = [mode, inventoryFile, join(root, "deploy.ts"), "--report", reportFile];
      const result = await runCli(mode === "apply" ? [...args, "--yes"] : args, { cwd: root });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
      return report.hosts[0]?.operations.map((o) => [o.name, o.status]);
    };
    // Each edit is planned on its predecessor's output: the last one finds only the comment left.
    expect(await run("plan", "plan")).toEqual([
      ["workers", "changed"],
      ["timeout", "changed"],
      ["port", "changed"],
      ["no comments", "changed"],
    ]);
    expect(await run("apply", "apply")).toEqual([
      ["workers", "changed"],
      ["timeout", "changed"],
      ["port", "changed"],
      ["no comments", "changed"],
    ]);
    expect(readFileSync(join(root, "app.conf"), "utf8")).toBe("listen = 8080\nworkers = 4\ntimeout = 30\n");
    expect(await run("plan", "again")).toEqual([
      ["workers", "unchanged"],
      ["timeout", "unchanged"],
      ["port", "unchanged"],
      ["no comments", "unchanged"],
    ]);
  });
});
