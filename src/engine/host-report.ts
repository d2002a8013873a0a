// A host's part of the report and of the plan digest, derived from where its run got to.
import type { InventoryHost } from "../inventory/types.js";
import type { HostPhase, HostStatus, ReportHost } from "../report/report.js";
import { type AppliedOperations, digestOperation, type PlannedOperation, reportOperation } from "./host-status.js";

// Where one host's run got to, as the report needs it.
export interface HostOutcome {
  host: InventoryHost;
  // "pending" until its plan is made.
  status: HostStatus | "pending";
  // The status the plan gave (apply may change `status`; the plan digest keeps this one).
  plannedStatus: HostStatus | "pending";
  error?: string;
  // Why apply did not go to this host though it planned well (--fail-percent).
  refused?: string;
  // An unhandled rejection from its deploy code after its evaluation.
  deployFailure?: string;
  image?: string;
  durationMs: number;
  executions: number;
  timing: HostPhase[];
  operations: PlannedOperation[];
  applied: AppliedOperations;
}

// The host's part of the report.
export function reportHost(outcome: HostOutcome, mode: "plan" | "apply"): ReportHost {
  const notRun = notRunReason(outcome);
  return {
    name: outcome.host.name,
    groups: outcome.host.groups,
    connector: outcome.host.connector,
    ...reportStatus(outcome),
    ...(outcome.image ? { image: outcome.image } : {}),
    durationMs: Math.round(outcome.durationMs),
    executions: outcome.executions,
    timing: outcome.timing,
    operations: outcome.operations.map((op) => reportOperation(op, mode, outcome.applied, notRun)),
  };
}

// The digest's view of this host's plan.
export function digestEntry(outcome: HostOutcome) {
  return {
    host: outcome.host.name,
    status: outcome.plannedStatus === "pending" ? ("failed" as const) : outcome.plannedStatus,
    operations: outcome.operations.map(digestOperation),
  };
}

// Status and error for the report; deploy code failing after apply began fails the host too.
function reportStatus(outcome: HostOutcome): Pick<ReportHost, "status" | "error"> {
  const { deployFailure, error } = outcome;
  const late = deployFailure && !error?.includes(deployFailure) ? deployFailure : undefined;
  const status = late || outcome.status === "pending" ? "failed" : outcome.status;
  const said = [error, late].filter(Boolean).join(" ");
  return { status, ...(said ? { error: said } : {}) };
}

// Why a changing operation did not run on apply, when apply did not say (it never started).
function notRunReason(outcome: HostOutcome): string {
  if (outcome.plannedStatus === "failed") return "not applied: an operation of this host failed to plan";
  if (outcome.refused) return outcome.refused;
  if (outcome.error) return `not run: ${outcome.error}`;
  return "not run: apply did not reach this host";
}
