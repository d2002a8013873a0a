// The engine's stages: connect and plan every host in parallel, settle _run_once, then (apply
// mode) apply every host in parallel (batch after batch with `batch`), disconnect, and report.

import type { ConnectContext, Connector } from "../connectors/connector.js";
import type { Inventory, InventoryHost } from "../inventory/types.js";
import { loadModule } from "../loader/load-module.js";
import { combinePlanDigests, hostPlanDigests, type Report, reportTotals } from "../report/report.js";
import { mapLimit } from "../util/parallel.js";
import { whenAborted } from "./abort.js";
import { applyInBatches, type BatchSize } from "./batches.js";
import { createConnector } from "./connect.js";
import { checkDeployFiles } from "./deploy-files.js";
import { HostRun } from "./host-run.js";
import { publicApiProvider } from "./public-api.js";

export interface EngineEvents {
  // A host moved to a stage ("planning", "planned", "applying", "applied"); "failed" when its
  // plan or apply failed (never "applied" for a host that failed); "not applied" when a batch
  // before it stopped the rollout.
  hostStage?(host: string, stage: string): void;
  // Everything is planned; in apply mode this may refuse to go on (returns false).
  planned?(report: Report): Promise<boolean> | boolean;
}

export interface RunDeployOptions {
  inventory: Inventory;
  deployFiles: string[];
  mode: "plan" | "apply";
  parallel: number;
  // Stop before applying anything when more than this percentage of hosts failed to plan.
  // With `batch` too: stop the rollout after a batch in which more than this percentage failed.
  failPercent?: number;
  // Apply batch after batch of this size (rolling batches); a batch that fails stops the rollout.
  batch?: BatchSize;
  // How long each host's deploy code may run before that host fails (default 300 s).
  deployDeadlineMs?: number;
  connectContext?: ConnectContext;
  events?: EngineEvents;
  // When the run is aborted (SIGINT/SIGTERM): receives the report as far as the run got, before
  // the engine disconnects every host and rejects with an InterruptedError.
  onInterrupt?(report: Report): Promise<void>;
  // The known secret values: they key the plan digest, so a reader without them cannot test guesses.
  digestSecrets?: readonly string[];
}

// What the engine reaches the world through; tests pass fakes, the faces pass `signal`.
export interface EngineSeams {
  // Makes a host's connector, not yet connected (default: the connector registry's).
  connect?: (host: InventoryHost, context: ConnectContext) => Connector;
  // The clock in milliseconds (default: Date.now).
  now?: () => number;
  // Aborted by a face on SIGINT/SIGTERM, with the signal's name as its reason.
  signal?: AbortSignal;
  // Runs one deploy file for one host (default: the loader, which binds `import … from
  // "infra-action"` to that host's instance); tests run deploy code written as functions.
  loadDeploy?: (file: string, instance: string) => Promise<unknown>;
}

// Runs the deploy files on every host of the inventory and returns the report. When `signal`
// aborts: every host is interrupted, `onInterrupt` gets the partial report, every host is
// disconnected (containers removed), and the promise rejects with an InterruptedError.
export async function runDeploy(options: RunDeployOptions, seams: EngineSeams = {}): Promise<Report> {
  const now = seams.now ?? Date.now;
  const connect = seams.connect ?? createConnector;
  const loadDeploy = seams.loadDeploy ?? loadDeployFile;
  // Files the loader would read: a missing one fails the run once, before any host is contacted.
  if (!seams.loadDeploy) checkDeployFiles(options.deployFiles);
  const startedAt = new Date(now());
  const events = options.events ?? {};
  // One context for every host of the run (what a connector reads once per run hangs on it).
  const context = options.connectContext ?? {};
  const runs = options.inventory.hosts.map(
    (host) => new HostRun(host, context, { connect, now, loadDeploy, startedAt: startedAt.getTime() }),
  );
  const globals = {
    inventory: {
      hosts: options.inventory.hosts.map((h) => h.name),
      groups: options.inventory.groups,
    },
  };
  const finishAll = (commit: boolean) => Promise.all(runs.map((run) => run.timed(() => run.finish(commit))));
  let stage: "plan" | "apply" = "plan";
  const interruption = whenAborted(seams.signal, async (signal) => {
    for (const run of runs) run.interrupt(signal, stage === "apply");
    try {
      await options.onInterrupt?.(buildReport(runs, stage, startedAt, options.digestSecrets ?? [], now));
    } finally {
      await finishAll(false);
    }
  });
  const work = async (): Promise<Report> => {
    await mapLimit(runs, options.parallel, async (run) => {
      // Once aborted, no host starts (a container made now would outlive the clean-up).
      if (seams.signal?.aborted) return;
      events.hostStage?.(run.host.name, "planning");
      await run.timed(() =>
        run.plan(
          options.deployFiles,
          { ...globals, host: { name: run.host.name, groups: run.host.groups, data: run.host.data } },
          options.deployDeadlineMs,
        ),
      );
      events.hostStage?.(run.host.name, run.failed ? "failed" : "planned");
      // A plan needs the host no more: its connection (or container) goes now, not after the last
      // host's plan, so a plan of hundreds of hosts never holds hundreds of sessions, sockets and
      // sshd processes open at once.
      if (options.mode === "plan") await run.timed(() => run.finish(false));
    });
    settleRunOnce(runs);
    const report = (mode: "plan" | "apply") => buildReport(runs, mode, startedAt, options.digestSecrets ?? [], now);

    if (options.mode === "apply") {
      const failedShare = (runs.filter((r) => r.failed).length / Math.max(runs.length, 1)) * 100;
      const crossed = options.failPercent !== undefined && failedShare > options.failPercent;
      const proceed = !crossed && (await (events.planned?.(report("plan")) ?? true));
      if (crossed) {
        for (const run of runs.filter((r) => !r.failed)) {
          run.refuse(
            `not applied: ${failedShare.toFixed(0)}% of hosts failed to plan, more than --fail-percent ${options.failPercent}.`,
          );
        }
      }
      if (proceed) {
        stage = "apply";
        await applyInBatches(runs, {
          batch: options.batch,
          failPercent: options.failPercent,
          stopped: () => Boolean(seams.signal?.aborted),
          applyBatch: (batch) => applyBatch(batch, options.parallel, events, seams.signal),
          refused: (run) => events.hostStage?.(run.host.name, "not applied"),
        });
      } else {
        await finishAll(false);
        return report("plan");
      }
    }
    // Disconnect before reporting: a committed container's image belongs in the report.
    await finishAll(options.mode === "apply");
    return report(options.mode);
  };
  try {
    // Once aborted, the run ends only when the clean-up has (hosts disconnected, containers
    // removed), with its InterruptedError, even when the work stopped by it ends first.
    const report = await Promise.race([work(), interruption.promise]).catch(async (error: unknown) => {
      if (interruption.aborted) await interruption.promise;
      throw error;
    });
    if (interruption.aborted) await interruption.promise;
    return report;
  } finally {
    interruption.stop();
    if (!interruption.aborted) await finishAll(false);
  }
}

// Runs a deploy file through the loader, bound to one host's instance.
function loadDeployFile(file: string, instance: string): Promise<unknown> {
  return loadModule(file, { role: "deploy file", instance, api: publicApiProvider });
}

// Applies hosts in parallel; hosts with a `_serial` operation one at a time, beside them.
async function applyBatch(
  runs: HostRun[],
  parallel: number,
  events: EngineEvents,
  signal: AbortSignal | undefined,
): Promise<void> {
  const serial = runs.filter((r) => r.toApply.some((op) => op.registered.global.serial));
  const others = runs.filter((r) => !serial.includes(r));
  await Promise.all([
    mapLimit(others, parallel, (run) => applyOne(run, events, signal)),
    mapLimit(serial, 1, (run) => applyOne(run, events, signal)),
  ]);
}

async function applyOne(run: HostRun, events: EngineEvents, signal: AbortSignal | undefined): Promise<void> {
  if (run.failed || signal?.aborted) return;
  events.hostStage?.(run.host.name, "applying");
  await run.timed(() => run.apply());
  events.hostStage?.(run.host.name, run.failed ? "failed" : "applied");
}

// `_run_once`: an operation marked so runs on the first host (in inventory order) that would run it.
function settleRunOnce(runs: HostRun[]): void {
  const owners = new Map<string, string>();
  for (const run of runs) {
    // A host that failed to plan applies nothing: it cannot be the one to run it.
    if (run.failed) continue;
    for (const op of run.toApply) {
      if (!op.registered.global.runOnce) continue;
      const key = `${op.registered.index}:${op.registered.label}`;
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, run.host.name);
      else run.skip(op, `_run_once: runs on ${owner}`);
    }
  }
}

function buildReport(
  runs: HostRun[],
  mode: "plan" | "apply",
  startedAt: Date,
  digestSecrets: readonly string[],
  now: () => number,
): Report {
  // Each host carries its part of the digest, so shard reports merge into the unsharded digest.
  const digests = hostPlanDigests(
    runs.map((run) => run.digestEntry()),
    digestSecrets,
  );
  const hosts = runs.map((run, i) => {
    const { operations, ...host } = run.report(mode);
    return { ...host, planDigest: digests[i] ?? "", operations };
  });
  return {
    version: 1,
    mode,
    startedAt: startedAt.toISOString(),
    durationMs: now() - startedAt.getTime(),
    planDigest: combinePlanDigests(hosts),
    hosts,
    totals: reportTotals(hosts),
  };
}
