// Rolling batches on real hosts (`apply --batch N|P%`): batches apply one after another in
// inventory order, and a batch whose failures cross --fail-percent (or, without it, a batch that
// failed entirely) stops the rollout: later batches never start and their hosts say why.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Report, ReportHost } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-batches-"));
const base = `/tmp/ia-batches-${process.pid}`;
const onMain = (command: string) =>
  execFileSync("docker", ["exec", env.servers.main.container, "sh", "-c", command], { encoding: "utf8" }).trim();
afterAll(() => onMain(`rm -rf ${base}*`));

// Names for the same SSH server, each with its own directory; `fail_at` makes a step fail on apply.
function inventory(name: string, hosts: string[], failAt: Record<string, number> = {}): string {
  const file = join(dir, `${name}.json`);
  const entry = (id: string) => [
    id,
    deployHostData(env, {
      root: `${base}-${name}/${id}`,
      once_log: `${base}-${name}/once.log`,
      fail_at: failAt[id] ?? 0,
    }),
  ];
  writeFileSync(file, JSON.stringify({ web: hosts.map(entry) }));
  const dirs = hosts.map((id) => `${base}-${name}/${id}`).join(" ");
  onMain(`mkdir -p ${dirs} && touch ${base}-${name}/once.log && chown -R deploy ${base}-${name}`);
  return file;
}

async function apply(file: string, extra: string[]) {
  const reportFile = `${file}.report.json`;
  const result = await runCli(
    ["apply", file, "test/fixtures/deploys/engine-rules.ts", "--yes", "--report", reportFile, ...extra],
    { timeoutMs: 120_000 },
  );
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  return { result, report, byName: Object.fromEntries(report.hosts.map((h) => [h.name, h])) };
}

// When a host's apply stage began and ended, in ms from the run's start.
function applySpan(host: ReportHost | undefined): { start: number; end: number } {
  const phase = host?.timing?.find((p) => p.phase === "apply");
  if (!phase) throw new Error(`${host?.name} has no apply stage`);
  return { start: phase.startMs, end: phase.startMs + phase.durationMs };
}

const files = (name: string, id: string) => onMain(`ls ${base}-${name}/${id} | wc -l`);

describe("apply --batch", () => {
  test("without a failure every batch applies, one after another, in inventory order", async () => {
    const hosts = ["h1", "h2", "h3"];
    const { result, report } = await apply(inventory("order", hosts), ["--batch", "1"]);
    expect(result.exitCode).toBe(0);
    // The progress lines: each host is applied once the one before it (its batch) has been.
    const applying = result.stderr.split("\n").filter((line) => /\] (applying|applied)$/.test(line));
    expect(applying).toEqual(hosts.flatMap((id) => [`[${id}] applying`, `[${id}] applied`]));
    expect(report.hosts.map((h) => h.status)).toEqual(["changed", "changed", "changed"]);
    const spans = report.hosts.map(applySpan);
    // Each host's apply begins once the batch before it has ended (1 ms for rounding).
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBeGreaterThanOrEqual((spans[i - 1]?.end ?? 0) - 1);
    for (const id of hosts) expect(files("order", id)).toBe("8");
  });

  test("--fail-percent 0: a host failing in batch 1 stops the rollout; later batches never start", async () => {
    const hosts = ["a1", "a2", "b1", "b2"];
    const { result, report, byName } = await apply(inventory("stop", hosts, { a2: 3 }), [
      "--batch",
      "2",
      "--fail-percent",
      "0",
    ]);
    expect(result.exitCode).toBe(1);
    expect(report.hosts.map((h) => h.status)).toEqual(["changed", "failed", "failed", "failed"]);
    const reason = "not applied: batch 1 of 2 stopped the rollout: 1 of 2 hosts failed, more than --fail-percent 0.";
    expect(byName.a2?.error).toMatch(/^operation "step 3" failed with exit code 7/);
    for (const id of ["b1", "b2"]) {
      expect(byName[id]?.error).toBe(reason);
      expect(byName[id]?.operations.every((op) => op.status !== "changed")).toBe(true);
      expect(files("stop", id)).toBe("0");
    }
    expect(byName.b1?.operations[0]?.reason).toBe(reason);
    expect(result.stderr).toContain("[b1] not applied\n");
    expect(files("stop", "a1")).toBe("8");
    // The summary on the terminal says it too.
    expect(result.stdout).toContain("batch 1 of 2 stopped the rollout");
  });

  test("--batch P%: a batch with failures within --fail-percent goes on; without it, only a batch failed entirely stops", async () => {
    // 50% of 4 hosts: batches of 2. One of two failing is not more than 50%: both batches apply.
    const within = await apply(inventory("within", ["a1", "a2", "b1", "b2"], { a1: 2 }), [
      "--batch",
      "50%",
      "--fail-percent",
      "50",
    ]);
    expect(within.report.hosts.map((h) => h.status)).toEqual(["failed", "changed", "changed", "changed"]);
    expect(within.result.exitCode).toBe(1);

    // 34% of 3 hosts, rounded up: batches of 2 and 1. Batch 1 failed entirely: batch 2 never starts.
    const whole = await apply(inventory("whole", ["a1", "a2", "b1"], { a1: 1, a2: 1 }), ["--batch", "34%"]);
    expect(whole.result.exitCode).toBe(1);
    expect(whole.byName.b1?.error).toBe("not applied: batch 1 of 2 stopped the rollout: all 2 of its hosts failed.");
    expect(files("whole", "b1")).toBe("0");
  });
});
