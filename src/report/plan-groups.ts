// Hosts whose plans are the same, shown once: the review of 300 hosts with one change is one diff, with
// every host named. Also the rollups a reviewer scans first: by inventory group and by operation.
import { type HostStatus, operationTitle, type Report, type ReportHost, type ReportOperation } from "./report.js";

// Hosts with one and the same plan (status, error, and each operation with its commands and diff).
export interface PlanGroup {
  hosts: ReportHost[];
  status: HostStatus;
  error?: string;
  operations: ReportOperation[];
}

// What two hosts must share to be shown as one: everything a reviewer reads, nothing of timing.
function planKey(host: ReportHost): string {
  return JSON.stringify([
    host.status,
    host.error ?? null,
    host.operations.map((o) => [
      o.name,
      o.deploy ?? null,
      o.op,
      o.status,
      o.reason ?? null,
      o.commands,
      o.diff ?? null,
      o.exitCode ?? null,
      o.stderr ?? null,
    ]),
  ]);
}

const statusOrder: Record<HostStatus, number> = { failed: 0, unreachable: 1, changed: 2, unchanged: 3 };

// Groups the report's hosts by identical plan: failures first, then changes, then the unchanged;
// larger groups first within a status; hosts in report order inside a group.
export function groupPlans(report: Report): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const host of report.hosts) {
    const key = planKey(host);
    const group = groups.get(key);
    if (group) group.hosts.push(host);
    else
      groups.set(key, {
        hosts: [host],
        status: host.status,
        ...(host.error ? { error: host.error } : {}),
        operations: host.operations,
      });
  }
  return [...groups.values()].sort(
    (a, b) => statusOrder[a.status] - statusOrder[b.status] || b.hosts.length - a.hosts.length,
  );
}

// One inventory group's hosts counted by status.
export interface GroupRollup {
  group: string;
  hosts: number;
  changed: number;
  unchanged: number;
  failed: number;
}

// Per inventory group (in first-seen order), how many of its hosts change, stay or fail.
export function rollUpByGroup(report: Report): GroupRollup[] {
  const rollups = new Map<string, GroupRollup>();
  for (const host of report.hosts) {
    for (const group of host.groups) {
      const rollup = rollups.get(group) ?? { group, hosts: 0, changed: 0, unchanged: 0, failed: 0 };
      rollup.hosts += 1;
      if (host.status === "changed") rollup.changed += 1;
      else if (host.status === "unchanged") rollup.unchanged += 1;
      else rollup.failed += 1;
      rollups.set(group, rollup);
    }
  }
  return [...rollups.values()];
}

// One operation (by its name and type) and the hosts on which it changes or fails.
export interface OperationRollup {
  name: string;
  op: string;
  changed: number;
  failed: number;
}

// The operations that change or fail somewhere, in first-seen order, with how many hosts each.
export function rollUpByOperation(report: Report): OperationRollup[] {
  const rollups = new Map<string, OperationRollup>();
  for (const host of report.hosts) {
    for (const operation of host.operations) {
      if (operation.status !== "changed" && operation.status !== "failed") continue;
      const key = JSON.stringify([operationTitle(operation), operation.op]);
      const rollup = rollups.get(key) ?? { name: operationTitle(operation), op: operation.op, changed: 0, failed: 0 };
      if (operation.status === "changed") rollup.changed += 1;
      else rollup.failed += 1;
      rollups.set(key, rollup);
    }
  }
  return [...rollups.values()];
}
