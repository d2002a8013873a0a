// The one status model: from an operation's plan and what apply made of it, the operation handle's
// state, the plan digest's entry and the report's row are derived here, and nowhere else.
import type { OperationPlan } from "../operations/operation.js";
import type { ReportOperation } from "../report/report.js";
import type { OperationOutcome } from "./apply-output.js";
import type { RegisteredOperation } from "./deploy-context.js";
import { describeCommand, fingerprintCommands } from "./describe-command.js";
import type { OperationStatus } from "./operation-handle.js";

// An operation as planning left it.
export interface PlannedOperation {
  registered: RegisteredOperation;
  plan?: OperationPlan;
  // Why the operation could not be planned.
  error?: string;
  // Set (with `error`) when a fact it reads could not be read: the plan cannot tell what it would do.
  cannotTell?: boolean;
  // Set when _run_once gave it to another host, or _if is false at plan time.
  skipReason?: string;
  durationMs: number;
}

// What apply made of a host's operations, by operation index: outcomes as the script's markers
// said, how long each took, and why those that were to run never began.
export interface AppliedOperations {
  outcomes: ReadonlyMap<number, OperationOutcome>;
  durations: ReadonlyMap<number, number>;
  notRun: ReadonlyMap<number, string>;
}

// Whether the operation runs on apply (it changes, and neither _if nor _run_once stops it).
export function willRun(op: PlannedOperation): boolean {
  return Boolean(op.plan?.changed) && !op.skipReason;
}

// The operation's status once planned (its handle's, and the digest's).
export function plannedStatus(op: PlannedOperation): Exclude<OperationStatus, "pending"> {
  if (op.error) return "failed";
  if (op.skipReason) return "skipped";
  return op.plan?.changed ? "changed" : "unchanged";
}

// The status of an operation that was to run, once apply is over.
export function appliedStatus(outcome: OperationOutcome | undefined): Exclude<OperationStatus, "pending"> {
  return outcome?.status === "ok" ? "changed" : outcome?.status === "failed" ? "failed" : "skipped";
}

// The digest's view of an operation's plan.
export function digestOperation(op: PlannedOperation) {
  return {
    name: op.registered.label,
    op: op.registered.definition.name,
    status: plannedStatus(op),
    fingerprint: op.plan?.changed ? fingerprintCommands(op.plan.commands) : (op.error ?? ""),
  };
}

// The operation's row of the report; `notRunReason` says why one that was to run never did, when
// apply did not say (it never reached the host).
export function reportOperation(
  op: PlannedOperation,
  mode: "plan" | "apply",
  applied: AppliedOperations,
  notRunReason: string,
): ReportOperation {
  const index = op.registered.index;
  const durationMs = Math.round(applied.durations.get(index) ?? op.durationMs);
  const base = {
    name: op.registered.label,
    op: op.registered.definition.name,
    ...(op.registered.deploy ? { deploy: op.registered.deploy } : {}),
    durationMs,
  };
  if (op.error) return { ...base, status: "failed", reason: op.error, commands: [] };
  const plan = op.plan as OperationPlan;
  if (!plan.changed) return { ...base, status: "unchanged", reason: plan.reason, commands: [] };
  const commands = plan.commands.map(describeCommand);
  const extra = { ...(plan.reason ? { reason: plan.reason } : {}), ...(plan.diff ? { diff: plan.diff } : {}) };
  if (op.skipReason) return { ...base, status: "skipped", reason: op.skipReason, commands };
  if (mode === "plan") return { ...base, status: "changed", commands, ...extra };
  const outcome = applied.outcomes.get(index);
  if (!outcome) return { ...base, status: "skipped", reason: applied.notRun.get(index) ?? notRunReason, commands };
  if (outcome.status === "skipped")
    return { ...base, status: "skipped", reason: "not run: its _if operations did not change", commands };
  if (outcome.status === "failed") {
    return {
      ...base,
      status: "failed",
      commands,
      ...extra,
      ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
      stderr: outcome.stderr.trim(),
    };
  }
  return { ...base, status: "changed", commands, ...extra };
}
