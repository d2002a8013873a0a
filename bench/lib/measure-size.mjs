// All repetitions of one fleet size: both tools alternating on fresh containers, each step measured,
// then the medians.
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { runAnsible } from "./ansible-runner.mjs";
import { removeBenchContainers } from "./containers.mjs";
import { mb, stepMedians } from "./figures.mjs";
import { startFleet } from "./fleet.mjs";
import { runInfraAction } from "./infra-action-runner.mjs";
import { say } from "./output.mjs";
import { managedState } from "./same-state.mjs";
import { RUNS, SECOND, SIZE_BUDGET_MS, STEP_TITLES, STEPS, TOOLS } from "./settings.mjs";
import { snapshotLogs } from "./ssh-logs.mjs";
import { CHANGED_PER_HOST } from "./workload.mjs";

// One repetition for one tool on fresh containers: first apply, no-op re-run, plan (or check).
async function measureTool(tool, n, rep, ctx) {
  const fleet = await startFleet(n, ctx.image, ctx.keys, `${tool}-${n}-r${rep}`);
  const steps = {};
  try {
    for (const step of STEPS[tool]) {
      const label = `${tool}-${n}-r${rep}-${step}`;
      const measured =
        tool === "infra-action"
          ? await runInfraAction(fleet, step, { label })
          : await runAnsible(fleet, step, { label, config: ctx.ansibleConfig });
      measured.ssh = await snapshotLogs(fleet);
      const expected = step === "apply" ? CHANGED_PER_HOST * n : 0;
      if (measured.changedOperations !== expected) {
        measured.warning = `expected ${expected} changed operations, got ${measured.changedOperations}`;
      }
      steps[step] = measured;
      const exec = measured.executions ? `, ${measured.executions.max} executions/host` : "";
      say(
        `${tool} ${n} host(s) run ${rep}: ${STEP_TITLES[step]} ${(measured.wallMs / SECOND).toFixed(2)} s, ` +
          `${measured.changedOperations} changed, ${measured.ssh.logins.max} SSH logins/host, ` +
          `${measured.ssh.channels.max} exec channels/host${exec}, peak RSS ${mb(measured.peakRssKB)} MB` +
          `${measured.warning ? ` (WARNING: ${measured.warning})` : ""}`,
      );
      if (step === "apply" && rep === 1) ctx.state[`${tool}-${n}`] = await managedState(fleet.hosts[0].container);
    }
  } finally {
    await removeBenchContainers();
  }
  return steps;
}

// All repetitions of one size, both tools alternating; stops early (noted) when the size's time budget is spent.
export async function measureSize(n, ctx) {
  const entry = { hosts: n, runs: Object.fromEntries(TOOLS.map((t) => [t, []])), notes: [] };
  const t0 = Date.now();
  for (let rep = 1; rep <= RUNS; rep++) {
    if (rep > 1 && ((Date.now() - t0) / (rep - 1)) * rep > SIZE_BUDGET_MS) {
      entry.notes.push(`${rep - 1} of ${RUNS} runs: the next would pass ${SIZE_BUDGET_MS / MINUTE} min for this size`);
      break;
    }
    for (const tool of TOOLS) entry.runs[tool].push(await measureTool(tool, n, rep, ctx));
  }
  entry.medians = {};
  for (const tool of TOOLS) {
    entry.medians[tool] = Object.fromEntries(STEPS[tool].map((s) => [s, stepMedians(entry.runs[tool], s)]));
  }
  return entry;
}
