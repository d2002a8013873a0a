// infra-action alone on a fixed fleet with the workload repeated K times: its cost against the number
// of operations.
import { removeBenchContainers } from "./containers.mjs";
import { stepMedians } from "./figures.mjs";
import { startFleet } from "./fleet.mjs";
import { runInfraAction } from "./infra-action-runner.mjs";
import { say } from "./output.mjs";
import { RUNS, SCALE_HOSTS, SCALES, SECOND } from "./settings.mjs";
import { snapshotLogs } from "./ssh-logs.mjs";
import { OPS_PER_HOST } from "./workload.mjs";

// infra-action alone on SCALE_HOSTS hosts with the workload repeated K times: cost against operations.
export async function measureScaling(ctx) {
  const rows = [];
  for (const scale of SCALES) {
    const runs = [];
    for (let rep = 1; rep <= RUNS; rep++) {
      const fleet = await startFleet(SCALE_HOSTS, ctx.image, ctx.keys, `scale${scale}-r${rep}`);
      try {
        const steps = {};
        for (const step of ["apply", "plan"]) {
          const label = `scale${scale}-r${rep}-${step}`;
          steps[step] = await runInfraAction(fleet, step, { scale, label });
          steps[step].ssh = await snapshotLogs(fleet);
        }
        runs.push(steps);
        say(
          `scaling: ${OPS_PER_HOST * scale} operations × ${SCALE_HOSTS} hosts run ${rep}: apply ` +
            `${(steps.apply.wallMs / SECOND).toFixed(2)} s (${steps.apply.executions.max} executions/host), ` +
            `no-op plan ${(steps.plan.wallMs / SECOND).toFixed(2)} s (${steps.plan.executions.max} executions/host)`,
        );
      } finally {
        await removeBenchContainers();
      }
    }
    rows.push({
      operationsPerHost: OPS_PER_HOST * scale,
      hosts: SCALE_HOSTS,
      runs,
      medians: { apply: stepMedians(runs, "apply"), plan: stepMedians(runs, "plan") },
    });
  }
  return rows;
}
