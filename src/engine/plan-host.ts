// Planning one connected host: run its deploy files (bounded in time), prepare local work, gather
// every operation's facts in one batch, and plan each operation in order. Returns a HostPlan.

import { dirname } from "node:path";
import type { Connector } from "../connectors/connector.js";
import { isUserError, ModuleLoadError, withoutHostName } from "../errors.js";
import { isUnreadable } from "../facts/fact.js";
import { runWithBoundApi } from "../host/deploy-group.js";
import { bindInstance } from "../host/instances.js";
import type { InventoryHost } from "../inventory/types.js";
import { CannotTell, type FactLookup } from "../operations/operation.js";
import { nothingApplied } from "../util/sentence.js";
import { describeCannotTell, incompletePlan } from "./cannot-tell.js";
import { DeployContext, type RegisteredOperation } from "./deploy-context.js";
import type { DeployCodeFailures } from "./deploy-failures.js";
import { runInDeployScope } from "./deploy-scope.js";
import { FactGatherer } from "./fact-gatherer.js";
import { sudoOptions } from "./global-args.js";
import { type PlannedOperation, plannedStatus, willRun } from "./host-status.js";
import { PlannedFiles } from "./planned-files.js";
import { createPrepareContext, type TemplateGlobals } from "./prepare-context.js";

// A host's plan: its operations, and whether it would change. "failed" (with `error`) when its
// deploy code, a fact or an operation's plan failed: then nothing is applied there.
export interface HostPlan {
  status: "changed" | "unchanged" | "failed";
  error?: string;
  operations: PlannedOperation[];
}

// A plan and what to call when the host's run is over (lets the deploy code's `host` go of the
// host's facts and connection: Node keeps each host's deploy module to the end of the process).
export type HostPlanned = HostPlan & { release(): void };

// What planning a host needs: its connection, its deploy files, and the run's seams.
export interface PlanHostInput {
  host: InventoryHost;
  // The host's connection now (connected when planning begins; a reboot on apply replaces it).
  connection(): Connector | undefined;
  deployFiles: string[];
  globals: TemplateGlobals;
  deadlineMs: number;
  // This host's evaluation of the deploy files (binds `import … from "infra-action"`).
  instance: string;
  loadDeploy(file: string, instance: string): Promise<unknown>;
  now(): number;
  deployCode: DeployCodeFailures;
  // Counts remote executions (the report shows them).
  countExecution(): void;
  // Says which stage of planning begins (the host's timing).
  phase?(phase: "deploy" | "facts" | "plan"): void;
}

// Plans one host; a user mistake anywhere becomes the plan's error (bugs are thrown).
export async function planHost(input: PlanHostInput): Promise<HostPlanned> {
  const gatherer = new FactGatherer(input.host.name, input.connection, input.countExecution);
  const deploy = new DeployContext(input.host, gatherer);
  return { ...(await plan(input, gatherer, deploy)), release: () => deploy.release() };
}

// Evaluates the deploy code with this host's `host`, gathers the facts its operations need, plans them.
async function plan(input: PlanHostInput, gatherer: FactGatherer, deploy: DeployContext): Promise<HostPlan> {
  try {
    input.phase?.("deploy");
    const api = deploy.api();
    bindInstance(input.instance, api);
    await runWithBoundApi(api, () => evaluate(input));
  } catch (error) {
    return failedPlan(error, input.host.name);
  } finally {
    bindInstance(input.instance, undefined);
    // Operations called later (a missing await) are refused: this host's plan is being made.
    deploy.close();
  }
  const prepareContext = createPrepareContext(
    input.deployFiles.map((f) => dirname(f)),
    input.globals,
  );
  // Local work (templates, source files), then every operation's facts in one batch.
  input.phase?.("facts");
  const prepared = await Promise.all(
    deploy.operations.map(async (op) => {
      try {
        return { value: op.definition.prepare ? await op.definition.prepare(op.args, prepareContext) : undefined };
      } catch (error) {
        if (!isUserError(error)) throw error;
        return { error: `${op.location ? `${op.location}: ` : ""}${op.definition.name}: ${error.message}` };
      }
    }),
  );
  // Facts are read as the operation runs: with its sudo settings (a root-only file needs _sudo).
  try {
    await Promise.all(
      deploy.operations.flatMap((op, i) =>
        prepared[i]?.error
          ? []
          : op.definition
              .facts(op.args, prepared[i]?.value)
              .map((need) => gatherer.get(need.fact as never, need.args as never, sudoOptions(op.global))),
      ),
    );
  } catch (error) {
    return failedPlan(error, input.host.name);
  }
  const lookupFor = (op: RegisteredOperation): FactLookup => ({
    get: (fact, args) => {
      const value = gatherer.lookup(fact, args, sudoOptions(op.global));
      if (isUnreadable(value)) throw new CannotTell(value.unreadable);
      return value as never;
    },
  });
  // In order: an operation's _if sees the earlier ones' status, and its file reads their writes.
  input.phase?.("plan");
  const plannedFiles = new PlannedFiles();
  const operations = deploy.operations.map((registered, i) => {
    const op = planOperation(registered, prepared[i], plannedFiles.lookup(lookupFor(registered)), input.now);
    const skip = op.plan?.changed ? conditionSkip(op) : undefined;
    if (skip) op.skipReason = skip;
    registered.handle.status = plannedStatus(op);
    if (op.plan?.changed && !skip) plannedFiles.record(op.plan.commands, lookupFor(registered));
    return op;
  });
  // Facts the deploy code asked for and did not await: their rejections surface before the verdict.
  await Promise.all(deploy.factReads);
  await new Promise((resolve) => setImmediate(resolve));
  return { ...verdict(operations, input.deployCode.failure), operations };
}

// Whether the plan holds: deploy code that failed after its evaluation, an operation that could
// not be planned, or facts that could not be read fail it.
function verdict(operations: PlannedOperation[], deployFailure: string | undefined): Omit<HostPlan, "operations"> {
  if (deployFailure) return { status: "failed", error: nothingApplied(deployFailure) };
  const planFailure = operations.find((op) => op.error && !op.cannotTell);
  const unknown = operations.filter((op) => op.cannotTell);
  if (unknown.length && !planFailure) {
    return {
      status: "failed",
      error: incompletePlan(
        unknown.map((op) => op.registered.label),
        unknown[0]?.error ?? "",
      ),
    };
  }
  if (planFailure) {
    return { status: "failed", error: nothingApplied(planFailure.error ?? "") };
  }
  return { status: operations.some(willRun) ? "changed" : "unchanged" };
}

// A plan that failed before its operations were planned (deploy code, facts).
function failedPlan(error: unknown, host: string): HostPlan {
  if (!isUserError(error)) throw error;
  // Messages name the host; the report already does.
  return { status: "failed", error: withoutHostName(error.message, host), operations: [] };
}

// Runs the deploy files in this host's scope; an unhandled rejection from them, or the deadline
// passing, stops the evaluation with a clear error.
async function evaluate(input: PlanHostInput): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<never>((_, reject) => {
    input.deployCode.stopEvaluation = reject;
    timer = setTimeout(
      () =>
        reject(
          new ModuleLoadError(
            `deploy code did not finish within ${input.deadlineMs / 1000} s (a promise that never settles?); nothing was applied on this host. Raise the limit with --deploy-timeout SECONDS when it needs longer.`,
          ),
        ),
      input.deadlineMs,
    );
  });
  try {
    await Promise.race([
      runInDeployScope({ host: input.host.name, fail: (reason) => input.deployCode.fail(reason) }, async () => {
        for (const file of input.deployFiles) await input.loadDeploy(file, input.instance);
      }),
      stopped,
    ]);
  } finally {
    clearTimeout(timer);
    input.deployCode.stopEvaluation = undefined;
  }
}

// Plans one operation from its prepared local work and its facts; a user mistake becomes its error.
function planOperation(
  registered: RegisteredOperation,
  ready: { value?: unknown; error?: string } | undefined,
  facts: FactLookup,
  now: () => number,
): PlannedOperation {
  const started = now();
  if (ready?.error) return { registered, error: ready.error, durationMs: 0 };
  try {
    const plan = registered.definition.plan(registered.args, facts, ready?.value);
    return { registered, plan, durationMs: now() - started };
  } catch (error) {
    if (error instanceof CannotTell) {
      const reason = describeCannotTell(error.reason, sudoOptions(registered.global));
      return { registered, error: reason, cannotTell: true, durationMs: 0 };
    }
    if (!isUserError(error)) throw error;
    const where = registered.location ? `${registered.location}: ` : "";
    return { registered, error: `${where}${registered.definition.name}: ${error.message}`, durationMs: 0 };
  }
}

// Why `_if` keeps an operation from running, judged at plan time (booleans, functions, and
// operations that will not change); undefined when it may run.
function conditionSkip(op: PlannedOperation): string | undefined {
  const condition = op.registered.global.if;
  if (condition === undefined) return undefined;
  if (typeof condition === "boolean") return condition ? undefined : "_if is false";
  if (typeof condition === "function") {
    let value: boolean;
    try {
      value = Boolean(condition());
    } catch (error) {
      if (!isUserError(error)) throw error;
      return `_if failed: ${error.message}`;
    }
    return value ? undefined : "_if returned false";
  }
  const unchanged = condition.filter((handle) => handle.status !== "changed");
  return unchanged.length ? `_if: ${unchanged.map((h) => `"${h.name}"`).join(", ")} will not change` : undefined;
}
