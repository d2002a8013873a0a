// Runs one step of infra-action (first apply, no-op re-run, plan) on a fleet, measured, and reads its
// JSON report.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tail } from "../../scripts/lib/processes.mjs";
import { spread } from "./figures.mjs";
import { fail } from "./output.mjs";
import { cli, repoRoot, workDir, workloadDir } from "./paths.mjs";
import { timed } from "./timed.mjs";
import { checkFinished, toolEnv } from "./tool-run.mjs";

// Runs one step of infra-action (apply, noop = apply again, plan) and reads its report; `nodeArgs` go
// to Node before the CLI (the profiler); `parallel` is how many hosts at once (all by default);
// `limitMs` is the run's time limit when not the bench's usual one.
export async function runInfraAction(fleet, step, { scale = 1, label, nodeArgs = [], parallel = fleet.n, limitMs }) {
  const mode = step === "plan" ? "plan" : "apply";
  const report = join(workDir, `${label}.report.json`);
  const logFile = join(workDir, `${label}.log`);
  rmSync(report, { force: true });
  const args = [
    ...nodeArgs,
    cli,
    mode,
    fleet.inventory,
    join(workloadDir, "deploy.ts"),
    "--parallel",
    String(parallel),
  ];
  args.push("--report", report, ...(mode === "apply" ? ["--yes"] : []));
  if (scale !== 1) args.push("--data", `bench_scale=${scale}`);
  const measured = await timed(process.execPath, args, { cwd: repoRoot, env: toolEnv(), logFile, limitMs });
  checkFinished(measured, `infra-action ${step}`, logFile);
  if (!existsSync(report)) fail(`infra-action ${step} wrote no report (exit ${measured.code}); see ${logFile}`);
  const data = JSON.parse(readFileSync(report, "utf8"));
  const bad = data.hosts.filter((h) => h.status === "failed" || h.status === "unreachable");
  if (bad.length > 0 || measured.code !== 0) {
    const first = bad[0];
    const why = first?.error ?? first?.operations?.find((o) => o.status === "failed")?.stderr ?? "";
    fail(`infra-action ${step}: ${bad.length} host(s) failed (exit ${measured.code}): ${tail(why, 5)}; see ${logFile}`);
  }
  return {
    ...measured,
    changedOperations: data.totals.operationsChanged,
    executions: spread(data.hosts.map((h) => h.executions)),
  };
}
