// `merge-reports`: the reports of shard jobs back into one, with the digest the unsharded run
// would have had (computed from the hosts' own digests; no secret is needed).
import { UsageError } from "../errors.js";
import { combinePlanDigests, type Report, reportTotals } from "./report.js";

// One shard's report and where it came from (a file path), for the messages.
export interface ShardReport {
  source: string;
  report: Report;
}

// Reads one report's JSON text; `source` names it in every message.
export function parseShardReport(text: string, source: string): ShardReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${source} is not valid JSON (${(error as Error).message}). Give the report file a plan or apply wrote (--report, or the action's report output).`,
    );
  }
  const report = parsed as Partial<Report> | null;
  if (
    !report ||
    typeof report !== "object" ||
    !Array.isArray(report.hosts) ||
    typeof report.version !== "number" ||
    (report.mode !== "plan" && report.mode !== "apply") ||
    typeof report.planDigest !== "string"
  )
    throw new UsageError(
      `${source} is not an infra-action report (it needs version, mode, planDigest and hosts). Give the report file a plan or apply wrote (--report, or the action's report output).`,
    );
  return { source, report: report as Report };
}

// Merges shard reports into one: every host once, totals recounted, the combined digest. Refuses
// reports of different format versions or modes, a host in two reports, and reports whose hosts
// carry no digest (a run that stopped before planning, or an infra-action from before shards).
export function mergeReports(parts: readonly ShardReport[]): Report {
  const [first] = parts;
  if (!first) throw new UsageError("merge-reports needs at least one report file.");
  for (const { source, report } of parts) {
    if (report.version !== 1)
      throw new UsageError(
        `${source} is a report of format version ${report.version}; this infra-action reads version 1. Merge reports written by the same infra-action version as this one.`,
      );
    if (report.mode !== first.report.mode)
      throw new UsageError(
        `${source} is ${article(report.mode)} report but ${first.source} is ${article(first.report.mode)} report: merge the reports of one run, all plan or all apply.`,
      );
  }
  checkEveryShard(parts);
  const owner = new Map<string, string>();
  const hosts: Report["hosts"] = [];
  for (const { source, report } of parts) {
    if (!report.planDigest)
      throw new UsageError(
        `${source} has no plan digest: that shard's run failed before it planned. See that job's log, fix it and run the shard again.`,
      );
    for (const host of report.hosts) {
      const seen = owner.get(host.name);
      if (seen !== undefined)
        throw new UsageError(
          `Host ${host.name} is in both ${seen} and ${source}: each host belongs to one shard. Run every shard with the same N (--shard I/N) and each I once, and give each shard's report once.`,
        );
      if (typeof host.planDigest !== "string" || !host.planDigest)
        throw new UsageError(
          `${source}: host ${host.name} has no plan digest (the run stopped before planning, or an infra-action from before shards wrote it). Run that shard again.`,
        );
      owner.set(host.name, source);
      hosts.push(host);
    }
    // The shard's own digest must be its hosts' digests combined: anything else was edited or mixed.
    if (combinePlanDigests(report.hosts) !== report.planDigest)
      throw new UsageError(
        `${source}: its planDigest is not the combination of its hosts' digests; the file was changed after the run. Use the report the shard wrote.`,
      );
  }
  hosts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const starts = parts.map((p) => Date.parse(p.report.startedAt)).filter(Number.isFinite);
  const start = starts.length ? Math.min(...starts) : Date.now();
  const end = Math.max(
    start,
    ...parts.map((p) => Date.parse(p.report.startedAt) + p.report.durationMs).filter(Number.isFinite),
  );
  return {
    version: 1,
    mode: first.report.mode,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    planDigest: combinePlanDigests(hosts),
    hosts,
    totals: reportTotals(hosts),
  };
}

// Shard reports must be every shard of one split, each once: a missing one would leave its hosts
// out of the review unseen. Reports of unsharded runs (no shard) are merged as they are.
function checkEveryShard(parts: readonly ShardReport[]): void {
  const sharded = parts.filter((p) => p.report.shard);
  if (sharded.length === 0) return;
  const plain = parts.find((p) => !p.report.shard);
  const count = sharded[0]?.report.shard?.count ?? 0;
  if (plain)
    throw new UsageError(
      `${plain.source} is the report of an unsharded run, the others are shards of ${count}: merge the reports of one sharded run.`,
    );
  const seen = new Map<number, string>();
  for (const { source, report } of sharded) {
    const shard = report.shard as { index: number; count: number };
    if (shard.count !== count)
      throw new UsageError(
        `${source} is shard ${shard.index}/${shard.count} but ${sharded[0]?.source} is of ${count} shards: merge the shards of one run, all with the same N.`,
      );
    const other = seen.get(shard.index);
    if (other)
      throw new UsageError(
        `${other} and ${source} are both shard ${shard.index}/${count}: give each shard's report once.`,
      );
    seen.set(shard.index, source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length)
    throw new UsageError(
      `The report of shard ${missing.map((i) => `${i}/${count}`).join(", ")} is missing (given: ${[...seen.keys()]
        .sort((a, b) => a - b)
        .map((i) => `${i}/${count}`)
        .join(
          ", ",
        )}). Give every shard's report: a shard job that failed must be run again before its hosts can be reviewed.`,
    );
}

function article(mode: Report["mode"]): string {
  return mode === "apply" ? "an apply" : "a plan";
}

// The combined digest the reviewed (merged) plan has with one shard re-planned: the reviewed hosts
// outside the shard keep their digests, the shard's are today's (a host gone from it drops out,
// a new one comes in), so it equals the reviewed digest only when this shard's part is unchanged.
export function recombinePlanDigest(reviewed: Report, current: Report, inShard: (host: string) => boolean): string {
  const kept = reviewed.hosts.filter((h) => !inShard(h.name));
  return combinePlanDigests([...kept, ...current.hosts]);
}
