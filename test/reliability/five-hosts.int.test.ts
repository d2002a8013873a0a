// Five hosts, four of them hit by a different fault: each is reported accurately, the healthy one
// finishes, the JSON report and summary are written, and nothing is left behind.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { cliPath, repoRoot } from "../helpers/run-cli.js";
import { closedPort, deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const onMain = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();

test("unreachable, auth failure, changed host key, op 7 of 20 failing, sshd killed mid-apply; one healthy host", async () => {
  const dir = mkdtempSync(join(tmpdir(), "infra-action-five-"));
  const base = `/tmp/ia-five-${process.pid}`;
  onMain(`pkill -f '^[s]leep 12$' || true; mkdir -p ${base} && chown deploy ${base}`);
  const ssh = (extra: Record<string, unknown>) => deployHostData(env, extra);
  const hosts: Array<[string, Record<string, unknown>]> = [
    ["healthy", ssh({ root: `${base}/healthy` })],
    ["unreachable", ssh({ ssh_port: await closedPort(), root: `${base}/unreachable` })],
    ["bad-auth", ssh({ ssh_key: env.keys.wrong, root: `${base}/bad-auth` })],
    ["changed-key", ssh({ ssh_known_hosts_file: env.knownHostsChanged, root: `${base}/changed-key` })],
    ["fails-at-7", ssh({ root: `${base}/fails-at-7`, fail_at: 7 })],
    ["killed", ssh({ root: `${base}/killed`, pause: 12 })],
  ];
  const inventory = join(dir, "inventory.json");
  writeFileSync(inventory, JSON.stringify({ targets: hosts }));
  const reportFile = join(dir, "report.json");
  const child = spawn(
    process.execPath,
    [cliPath, "apply", inventory, "test/fixtures/deploys/twenty.ts", "--yes", "--report", reportFile],
    { cwd: repoRoot },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  // Kill the sshd session of the host that pauses at op 10 (its `sleep 12`).
  const deadline = Date.now() + 30_000;
  let killed = "";
  while (Date.now() < deadline && !killed) {
    await new Promise((r) => setTimeout(r, 200));
    killed = onMain(
      `p=$(pgrep -n -f '^[s]leep 12$'); [ -n "$p" ] || exit 0; while [ "\${p:-0}" -gt 1 ] && [ "$(ps -o comm= -p $p)" != sshd ]; do p=$(ps -o ppid= -p $p | tr -d ' '); done; [ "\${p:-0}" -gt 1 ] && kill -9 $p && echo $p || true`,
    );
  }
  expect(killed).not.toBe("");
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(code).toBe(1);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  const byName = Object.fromEntries(report.hosts.map((h) => [h.name, h]));
  expect(byName.healthy?.status).toBe("changed");
  expect(byName.healthy?.operations.every((o) => o.status === "changed")).toBe(true);
  expect(byName.unreachable?.status).toBe("unreachable");
  expect(byName.unreachable?.error).toMatch(/^connection refused by deploy@127\.0\.0\.1:\d+/);
  expect(byName["bad-auth"]?.status).toBe("unreachable");
  expect(byName["bad-auth"]?.error).toMatch(/^authentication failed for deploy@127\.0\.0\.1:\d+/);
  expect(byName["changed-key"]?.status).toBe("unreachable");
  expect(byName["changed-key"]?.error).toMatch(/has CHANGED/);
  expect(byName["fails-at-7"]?.status).toBe("failed");
  expect(byName["fails-at-7"]?.error).toBe(
    'operation "op 7" failed with exit code 9: op 7 failed on purpose; 13 operations after it did not run.',
  );
  expect(byName["fails-at-7"]?.operations.map((o) => o.status).slice(5, 9)).toEqual([
    "changed",
    "failed",
    "skipped",
    "skipped",
  ]);
  expect(byName.killed?.status).toBe("failed");
  expect(byName.killed?.error).toMatch(
    /^the SSH connection closed while a command was running\. "op 10" did not finish\. Applied before that: "op 1", .*"op 9"; \d+ planned operations did not run\.$/,
  );
  expect(stdout).toContain("6 hosts: 1 changed, 0 unchanged, 2 failed, 3 unreachable");
  // The killed session's command runs on until its sleep ends (the server does not signal it);
  // then its script exits and frees the lock. Wait for that, bounded, before counting leftovers.
  for (let i = 0; i < 60 && onMain("pgrep -f '^[s]leep 12$' || true"); i++)
    await new Promise((r) => setTimeout(r, 500));
  await new Promise((r) => setTimeout(r, 1000));
  // Nothing left: no apply lock, no staged script or temporary files.
  const leftovers = Number(
    onMain(
      '{ ls -d /tmp/.infra-action* 2>/dev/null; for f in /home/*/.cache/.infra-action-apply-*.lock; do [ -e "$f" ] || continue; [ -d "$f" ] && echo dir; flock -n "$f" true || echo held; done; } | wc -l',
    ),
  );
  expect(leftovers).toBe(0);
  expect(existsSync(reportFile)).toBe(true);
  recordFault({
    scenario: "5 faulty hosts of 6 (unreachable, auth, host key, op 7/20, sshd killed)",
    affected: 5,
    completed: 1,
    leftovers,
    secretHits: 0,
    injectionEscapes: 0,
  });
  onMain(`rm -rf ${base}`);
}, 90_000);
