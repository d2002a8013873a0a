// One runner, many hosts: infra-action alone on 100, 250 and 500 sshd containers (BENCH_MANY), each
// size on fresh containers: first apply, no-op re-run and no-op plan, then one more plan under the V8
// profiler at the largest size to show where the controller's time goes.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeBenchContainers } from "./containers.mjs";
import { mb } from "./figures.mjs";
import { startFleet } from "./fleet.mjs";
import { runInfraAction } from "./infra-action-runner.mjs";
import { BenchError, say } from "./output.mjs";
import { benchDir, repoRoot, workDir } from "./paths.mjs";
import { MANY_PARALLEL, MANY_RUN_MS_PER_HOST, MANY_SIZES, RUN_TIMEOUT_MS, SECOND } from "./settings.mjs";
import { snapshotLogs } from "./ssh-logs.mjs";
import { timed } from "./timed.mjs";
import { checkFinished, toolEnv } from "./tool-run.mjs";

// The floor of any SSH tool on this machine: every host logs in once and runs `true` (ssh2, all at
// once, as the bare apply), so the plan's figure can be read against it.
async function sshFloor(fleet, keys) {
  const planFile = join(workDir, `floor-${fleet.n}.json`);
  const hosts = fleet.hosts.map((h) => ({ name: h.name, port: h.port }));
  writeFileSync(planFile, JSON.stringify({ key: keys.client, knownHosts: fleet.knownHosts, hosts, floor: true }));
  const logFile = join(workDir, `floor-${fleet.n}.log`);
  const measured = await timed(process.execPath, [join(benchDir, "lib", "bare-apply.mjs"), planFile], {
    cwd: repoRoot,
    env: toolEnv(),
    logFile,
  });
  checkFinished(measured, "the SSH floor", logFile);
  if (measured.code !== 0) throw new BenchError(`the SSH floor failed (exit ${measured.code}); see ${logFile}`);
  return { wallMs: measured.wallMs, boxCpuMs: measured.boxCpuMs };
}

// The functions that took most of the controller's CPU in a V8 profile: self time by function and
// place in the bundle, the largest `count` of them, and the total.
export function summarizeProfile(file, count = 10) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const interval = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (const [i, id] of samples.entries()) interval.set(id, (interval.get(id) ?? 0) + (timeDeltas[i] ?? 0));
  const self = new Map();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + (interval.get(node.id) ?? 0));
  }
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ function: fn, ms: Math.round(us / 1000), share: Number((us / totalUs).toFixed(3)) }));
  return { totalMs: Math.round(totalUs / 1000), top };
}

// A many-hosts run's time limit: the bench's usual one, or more for a large fleet.
function manyLimitMs(hosts) {
  return Math.max(RUN_TIMEOUT_MS, hosts * MANY_RUN_MS_PER_HOST);
}

// A no-op plan run under `--cpu-prof`, summarized (not a timed figure: the profiler slows it).
async function profilePlan(fleet) {
  const dir = join(workDir, `profile-${fleet.n}`);
  rmSync(dir, { recursive: true, force: true });
  await runInfraAction(fleet, "plan", {
    label: `many-${fleet.n}-profiled`,
    parallel: MANY_PARALLEL,
    limitMs: manyLimitMs(fleet.n),
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  return file ? summarizeProfile(join(dir, file)) : undefined;
}

// A measurement beside a size's figures: one that fails is noted ({ failed }) and the figures stand.
async function noted(n, what, measure) {
  try {
    return await measure();
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    const failed = error.message.split("\n")[0];
    say(`many hosts: ${n}: ${what} failed: ${failed}`);
    return { failed };
  }
}

// Every size of BENCH_MANY, one run each on fresh containers; a size that cannot run is noted and skipped.
export async function measureManyHosts(ctx) {
  const rows = [];
  for (const n of MANY_SIZES) {
    say(`many hosts: ${n} sshd containers, infra-action alone`);
    let fleet;
    try {
      fleet = await startFleet(n, ctx.image, ctx.keys, `many-${n}`);
      const steps = {};
      for (const step of ["apply", "noop", "plan"]) {
        steps[step] = await runInfraAction(fleet, step, {
          label: `many-${n}-${step}`,
          parallel: MANY_PARALLEL,
          limitMs: manyLimitMs(n),
        });
        steps[step].ssh = await snapshotLogs(fleet);
        const s = steps[step];
        say(
          `many hosts: ${n}: ${step} ${(s.wallMs / SECOND).toFixed(2)} s, peak RSS ${mb(s.peakRssKB)} MB, ` +
            `${s.executions.max} executions/host, ${s.ssh.logins.max} SSH logins/host, ${s.changedOperations} changed`,
        );
      }
      // (a floor that fails — some of the logins all at once time out — is noted; the figures stand)
      const floor = await noted(n, "the SSH floor", () => sshFloor(fleet, ctx.keys));
      if (!floor.failed) say(`many hosts: ${n}: SSH floor (log in, run true) ${(floor.wallMs / SECOND).toFixed(2)} s`);
      const row = { hosts: n, parallel: Math.min(n, MANY_PARALLEL), steps };
      if (floor.failed) row.floorFailed = floor.failed;
      else row.floor = floor;
      // (an extra, untimed run)
      if (n === Math.max(...MANY_SIZES)) row.profile = await noted(n, "the profiled plan", () => profilePlan(fleet));
      rows.push(row);
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      say(`many hosts: skipping ${n}: ${error.message.split("\n")[0]}`);
      rows.push({ hosts: n, notes: [`skipped: ${error.message.split("\n")[0]}`] });
    } finally {
      await removeBenchContainers();
    }
  }
  return rows;
}

// How wall time grows from the smallest measured size: time per host at each size over the first's
// (1.0 = linear; below 1, better than linear).
export function growth(rows, step) {
  const measured = rows.filter((r) => r.steps);
  const first = measured[0];
  if (!first) return [];
  const perHost = (r) => r.steps[step].wallMs / r.hosts;
  return measured.map((r) => ({
    hosts: r.hosts,
    perHostMs: Number(perHost(r).toFixed(1)),
    vsFirst: Number((perHost(r) / perHost(first)).toFixed(2)),
    // The step's time over the SSH floor's at the same size (every host logging in and running
    // `true`, measured beside it): growth with N that the machine's own slowing does not explain.
    ...(r.floor ? { vsFloor: Number((r.steps[step].wallMs / r.floor.wallMs).toFixed(2)) } : {}),
  }));
}
