// The gate of an apply against the reviewed plan (expected-plan-digest): the whole plan, or, for an
// apply shard, its part of the merged plan (plan-report) with every other shard's part as reviewed.
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";
import { type Shard, shardOfHost } from "../inventory/shard.js";
import { parseShardReport, recombinePlanDigest, type ShardReport } from "../report/merge-reports.js";
import { combinePlanDigests, type Report } from "../report/report.js";

// What the apply was given to check against.
export interface ReviewedPlan {
  expected: string;
  // The merged plan report (plan-report input), for a shard.
  merged?: ShardReport;
  shard?: Shard;
}

// Reads the plan-report input's file, with a message naming the input when it is missing or not a report.
export function readReviewedReport(path: string): ShardReport {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `The plan-report input is "${path}", which cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give the merged plan report, e.g. downloaded with actions/download-artifact from the merge job's artifact.`,
    );
  }
  return parseShardReport(text, `The plan-report ${path}`);
}

// Why this plan must not be applied, or undefined when it is the reviewed one.
export function findPlanMismatch(plan: Report, reviewed: ReviewedPlan): string | undefined {
  const { expected, merged, shard } = reviewed;
  if (!merged) {
    if (plan.planDigest === expected) return undefined;
    return `The plan differs from the reviewed one (expected-plan-digest ${expected}, now ${plan.planDigest}); nothing was applied. Changes planned now: ${describeChanges(plan)}. Review the new plan and approve again.`;
  }
  const { source, report } = merged;
  const own = combinePlanDigests(report.hosts);
  if (report.planDigest !== expected || own !== expected)
    return `${source} is not the reviewed plan (its digest ${report.planDigest}${own === report.planDigest ? "" : `, its hosts' ${own}`}; expected-plan-digest ${expected}); nothing was applied. Give the merged report of the plan whose digest was reviewed.`;
  const inShard = (name: string) => !shard || shardOfHost(name, shard.count) === shard.index;
  const now = recombinePlanDigest(report, plan, inShard);
  if (now === expected) return undefined;
  const part = shard ? ` on shard ${shard.index}/${shard.count}` : "";
  return `The plan differs from the reviewed one${part} (expected-plan-digest ${expected}, now ${now} with this shard re-planned); nothing was applied. Changes planned now${part}: ${describeChanges(plan)}. Review the new plan and approve again.`;
}

// "web-01: Install nginx, Configure nginx; db-01: Install PostgreSQL".
export function describeChanges(plan: Report): string {
  const parts = plan.hosts
    .map((h) => [h.name, h.operations.filter((o) => o.status === "changed").map((o) => o.name)] as const)
    .filter(([, ops]) => ops.length)
    .map(([host, ops]) => `${host}: ${ops.join(", ")}`);
  return parts.length ? parts.join("; ") : "none";
}
