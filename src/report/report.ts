// The report of a plan or apply (DESIGN §7): JSON for --report and the action's `report` output.
import { createHash } from "node:crypto";

export type HostStatus = "changed" | "unchanged" | "failed" | "unreachable";
export type ReportOperationStatus = "changed" | "unchanged" | "failed" | "skipped";

export interface ReportOperation {
  name: string;
  op: string;
  status: ReportOperationStatus;
  reason?: string;
  commands: string[];
  diff?: string;
  exitCode?: number;
  stderr?: string;
  durationMs: number;
}

export interface ReportHost {
  name: string;
  groups: string[];
  connector: string;
  status: HostStatus;
  error?: string;
  image?: string;
  durationMs: number;
  // Remote executions after connecting (facts, apply scripts, file transfers).
  executions: number;
  operations: ReportOperation[];
}

export interface Report {
  version: 1;
  mode: "plan" | "apply";
  startedAt: string;
  durationMs: number;
  planDigest: string;
  hosts: ReportHost[];
  totals: {
    hosts: number;
    changed: number;
    unchanged: number;
    failed: number;
    unreachable: number;
    operationsChanged: number;
  };
}

// Counts hosts by status and changed operations.
export function reportTotals(hosts: ReportHost[]): Report["totals"] {
  const count = (status: HostStatus) => hosts.filter((h) => h.status === status).length;
  return {
    hosts: hosts.length,
    changed: count("changed"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    unreachable: count("unreachable"),
    operationsChanged: hosts.reduce((n, h) => n + h.operations.filter((o) => o.status === "changed").length, 0),
  };
}

// sha256 of the canonical plan: per host (by name) its status and each operation's name, type,
// status and commands (file contents by hash). Timings and output are left out, so the digest is
// stable across runs when nothing changed.
export function planDigest(
  plan: Array<{
    host: string;
    status: HostStatus;
    operations: Array<{ name: string; op: string; status: string; fingerprint: string }>;
  }>,
): string {
  const canonical = [...plan]
    .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
    .map((h) => ({
      host: h.host,
      status: h.status,
      operations: h.operations.map((o) => [o.name, o.op, o.status, o.fingerprint]),
    }));
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
