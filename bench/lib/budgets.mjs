// The budgets the figures are checked against (DESIGN.md §6), and the memory growth per extra host.
import { SECOND } from "./settings.mjs";
import { OPS_PER_HOST } from "./workload.mjs";

// Budgets, as DESIGN.md §6 and the task state them.
const BUDGETS = {
  planExecutions: 2,
  applyExtraExecutions: 2,
  planWallMs: 2 * SECOND,
  planWallHosts: 30,
  coldStartMs: 300,
  marginalMbPerHost: 5,
};

// Checks the budgets against the figures: [{ budget, figure, met }].
export function checkBudgets(results) {
  const checks = [];
  const sizes = results.sizes.filter((s) => s.medians);
  const ia = (s, step) => s.medians["infra-action"][step];
  const worst = (pick) => Math.max(...sizes.map(pick).filter((v) => v !== undefined));
  const scalingPlans = results.scaling.map((r) => r.medians.plan.executionsPerHost);
  const planExec = Math.max(
    worst((s) => ia(s, "plan").executionsPerHost),
    ...scalingPlans,
  );
  checks.push({
    budget: `no-op plan ≤ ${BUDGETS.planExecutions} remote executions per host after connecting, whatever the number of operations`,
    figure: `at most ${planExec} per host (${sizes.map((s) => `${s.hosts} hosts: ${ia(s, "plan").executionsPerHost}`).join(", ")}; ${results.scaling.map((r) => `${r.operationsPerHost} ops: ${r.medians.plan.executionsPerHost}`).join(", ")})`,
    met: planExec <= BUDGETS.planExecutions,
  });
  const applyExec = Math.max(
    worst((s) => ia(s, "apply").executionsPerHost),
    ...results.scaling.map((r) => r.medians.apply.executionsPerHost),
  );
  const applyLimit = BUDGETS.planExecutions + BUDGETS.applyExtraExecutions;
  checks.push({
    budget: `changing apply ≤ ${BUDGETS.applyExtraExecutions} more (≤ ${applyLimit} per host in all)`,
    figure: `at most ${applyExec} per host`,
    met: applyExec <= applyLimit,
  });
  const at30 = sizes.find((s) => s.hosts === BUDGETS.planWallHosts);
  const planWall = at30 ? ia(at30, "plan").wallMs : undefined;
  checks.push({
    budget: `${BUDGETS.planWallHosts} hosts × ${OPS_PER_HOST} operations no-op plan < ${BUDGETS.planWallMs / SECOND} s wall on this ${results.machine.nproc}-core machine`,
    figure: planWall === undefined ? "not measured" : `${(planWall / SECOND).toFixed(2)} s`,
    met: planWall !== undefined && planWall < BUDGETS.planWallMs,
  });
  const memory = marginalMemory(sizes);
  const maxMarginal = Math.max(...memory.map((m) => m.mbPerHost));
  checks.push({
    budget: `memory flat per host: the controller's peak RSS grows by ≤ ${BUDGETS.marginalMbPerHost} MB per extra host at every step of N`,
    figure: memory.length
      ? memory.map((m) => `${m.from}→${m.to}: ${m.mbPerHost} MB/host`).join(", ")
      : "needs two sizes",
    met: memory.length > 0 && maxMarginal <= BUDGETS.marginalMbPerHost,
  });
  checks.push({
    budget: `action cold start < ${BUDGETS.coldStartMs} ms`,
    figure: `${results.coldStart.medianMs} ms`,
    met: results.coldStart.medianMs < BUDGETS.coldStartMs,
  });
  return checks;
}

// infra-action's extra peak RSS per extra host between consecutive sizes (first apply, the largest step).
export function marginalMemory(sizes, tool = "infra-action", pick = "peakRssMB") {
  const rows = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    const ma = a.medians[tool].apply[pick];
    const mb2 = b.medians[tool].apply[pick];
    if (ma === undefined || mb2 === undefined) continue;
    const perHost = (mb2 - ma) / (b.hosts - a.hosts);
    rows.push({ from: a.hosts, to: b.hosts, mbPerHost: Number(Math.max(0, perHost).toFixed(2)) });
  }
  return rows;
}
