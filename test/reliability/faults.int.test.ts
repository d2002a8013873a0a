// Faults during apply: SIGTERM half-way (the runner's cancel), two applies at once on one host,
// a host whose sshd dies mid-apply, a hung command with _timeout.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { cliPath, repoRoot, runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
// The apply lock of this user on @local left behind: a lock directory (hosts without flock) or a
// lock file some process still holds.
const lockLeft = () =>
  [join(homedir(), ".cache"), "/tmp"].some((base) => {
    const lock = join(base, `.infra-action-apply-${process.getuid?.()}.lock`);
    if (!existsSync(lock)) return false;
    try {
      execFileSync("flock", ["-n", lock, "true"]);
      return false;
    } catch {
      return true;
    }
  });
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const waitFor = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return check();
};

describe("faults", () => {
  test("SIGTERM during apply: containers removed, a partial report naming what was and was not applied, non-zero exit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "infra-action-sigterm-"));
    const root = join(dir, "root");
    const inventory = join(dir, "inventory.json");
    writeFileSync(
      inventory,
      JSON.stringify({
        targets: [
          ["@local", { root }],
          [`@docker/${env.image}`, { root: "/srv/sigterm" }],
        ],
      }),
    );
    const reportFile = join(dir, "report.json");
    const child = spawn(
      process.execPath,
      [cliPath, "apply", inventory, "test/fixtures/deploys/slow.ts", "--yes", "--report", reportFile],
      { cwd: repoRoot },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    expect(await waitFor(() => existsSync(join(root, "slow-started")), 30_000)).toBe(true);
    expect(docker("ps", "-q", "--filter", "label=infra-action")).not.toBe("");
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(143);
    expect(docker("ps", "-aq", "--filter", "label=infra-action")).toBe("");
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
    const local = report.hosts.find((h) => h.name === "@local");
    expect(local?.status).toBe("failed");
    expect(local?.error).toBe(
      'interrupted by SIGTERM during apply. Applied: "first", "second". Not applied: "slow", "fourth", "fifth".',
    );
    expect(local?.operations.map((o) => o.status)).toEqual(["changed", "changed", "failed", "skipped", "skipped"]);
    expect(stderr).toContain('@local: interrupted by SIGTERM during apply. Applied: "first", "second".');
    expect(existsSync(join(root, "fourth"))).toBe(false);
    const leftovers =
      Number(docker("ps", "-aq", "--filter", "label=infra-action").split("\n").filter(Boolean).length) +
      (lockLeft() ? 1 : 0);
    recordFault({
      scenario: "SIGTERM during apply (@local + @docker)",
      affected: 2,
      completed: 0,
      leftovers,
      secretHits: 0,
      injectionEscapes: 0,
    });
  }, 60_000);

  test("two applies on one host at once: the second waits for the first, never interleaves", async () => {
    const dir = mkdtempSync(join(tmpdir(), "infra-action-lock-"));
    const inventory = join(dir, "inventory.json");
    const log = `/tmp/ia-lock-${process.pid}.log`;
    writeFileSync(inventory, JSON.stringify({ targets: [["@local", { log }]] }));
    writeFileSync(
      join(dir, "deploy.ts"),
      `import { host, server } from "infra-action";\nserver.shell({ name: "critical", commands: [\`echo start $$ >> \${host.data.log}; sleep 2; echo end $$ >> \${host.data.log}\`] });\n`,
    );
    const [a, b] = await Promise.all([
      runCli(["apply", inventory, join(dir, "deploy.ts"), "--yes"], { timeoutMs: 60_000 }),
      runCli(["apply", inventory, join(dir, "deploy.ts"), "--yes"], { timeoutMs: 60_000 }),
    ]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    const lines = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(" ")[0]);
    expect(lines).toEqual(["start", "end", "start", "end"]);
    const leftovers = lockLeft() ? 1 : 0;
    recordFault({
      scenario: "two applies on one host at once (lock)",
      affected: 0,
      completed: 2,
      leftovers,
      secretHits: 0,
      injectionEscapes: 0,
    });
  }, 60_000);

  test("a hung command with _timeout fails its operation, and the host stops there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "infra-action-timeout-"));
    const inventory = join(dir, "inventory.json");
    writeFileSync(inventory, JSON.stringify({ targets: [["@local", { root: dir }]] }));
    writeFileSync(
      join(dir, "deploy.ts"),
      `import { files, host, server } from "infra-action";\nserver.shell({ name: "hung", commands: ["sleep 60"], _timeout: 2 });\nfiles.file({ name: "after", path: \`\${host.data.root}/after\` });\n`,
    );
    const started = Date.now();
    const result = await runCli(
      ["apply", inventory, join(dir, "deploy.ts"), "--yes", "--report", join(dir, "r.json")],
      { timeoutMs: 60_000 },
    );
    expect(result.exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    const report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as Report;
    expect(report.hosts[0]?.operations.map((o) => [o.name, o.status])).toEqual([
      ["hung", "failed"],
      ["after", "skipped"],
    ]);
    expect(report.hosts[0]?.error).toMatch(/^operation "hung" failed with exit code 124/);
    const leftovers = Number(execFileSync("sh", ["-c", "pgrep -fc '^sleep 60$' || true"], { encoding: "utf8" }).trim());
    recordFault({
      scenario: "hung command with _timeout",
      affected: 1,
      completed: 0,
      leftovers,
      secretHits: 0,
      injectionEscapes: 0,
    });
  }, 60_000);
});
