// The report of a plan or apply (DESIGN §7): JSON for --report and the action's `report` output.
import { createHash, createHmac } from "node:crypto";

export type HostStatus = "changed" | "unchanged" | "failed" | "unreachable";
export type ReportOperationStatus = "changed" | "unchanged" | "failed" | "skipped";

export interface ReportOperation {
  name: string;
  op: string;
  // The deploy (`deploy(name, fn)`) it belongs to: "Web server", nested "Web server › nginx".
  deploy?: string;
  status: ReportOperationStatus;
  reason?: string;
  commands: string[];
  diff?: string;
  exitCode?: number;
  stderr?: string;
  durationMs: number;
}

export type HostPhaseName = "connect" | "deploy" | "facts" | "plan" | "apply";

// One stage of a host's run: when it began (ms from the run's start) and how long it took.
export interface HostPhase {
  phase: HostPhaseName;
  startMs: number;
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
  // Its stages in order, for the timing picture (absent in reports written before it existed).
  timing?: HostPhase[];
  // Its part of the plan digest (hostPlanDigest); absent in reports written before shards existed.
  planDigest?: string;
  operations: ReportOperation[];
}

export interface Report {
  version: 1;
  mode: "plan" | "apply";
  startedAt: string;
  durationMs: number;
  planDigest: string;
  // The shard (--shard I/N, the action's shard input) this report is of; merge-reports checks
  // that every shard is there once. Absent when the run was not sharded.
  shard?: { index: number; count: number };
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

// An operation as people read it: under its deploy's name when it has one ("Web server › Install nginx").
export function operationTitle(op: Pick<ReportOperation, "name" | "deploy">): string {
  return op.deploy ? `${op.deploy} › ${op.name}` : op.name;
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

// One host's view of the plan, as the digest reads it.
export interface PlanDigestEntry {
  host: string;
  status: HostStatus;
  operations: Array<{ name: string; op: string; status: string; fingerprint: string }>;
}

// The run's plan digest, in two levels so shards can be merged (see combinePlanDigests): each host's
// canonical entry (its status and each operation's name, type, status and commands, file contents
// by hash) gets its own HMAC-SHA256 (hostPlanDigest), and the run's digest combines them. Timings
// and output are left out, so the digest is stable across runs when nothing changed. The key comes
// from the known secret values (see digestKey): a reader of the digest who lacks them cannot test
// guesses of a templated secret.
export function planDigest(plan: readonly PlanDigestEntry[], secrets: Iterable<string> = []): string {
  const digests = hostPlanDigests(plan, secrets);
  return combinePlanDigests(plan.map((entry, i) => ({ name: entry.host, planDigest: digests[i] })));
}

// Each host's keyed digest, carried in the report as hosts[].planDigest; the key is derived once for all.
export function hostPlanDigests(entries: readonly PlanDigestEntry[], secrets: Iterable<string> = []): string[] {
  const key = digestKey(secrets);
  return entries.map((entry) => keyedHostDigest(entry, key));
}

// One host's keyed digest.
export function hostPlanDigest(entry: PlanDigestEntry, secrets: Iterable<string> = []): string {
  return hostPlanDigests([entry], secrets)[0] ?? "";
}

// The run's digest from its hosts' digests, in any order: what merge-reports computes from shard
// reports alone. The host digests are keyed already, so this level needs no secret (a fixed key):
// merge-reports, which holds none, gets the digest the unsharded run would have had. A host without
// a digest (a report from before shards) counts as "".
export function combinePlanDigests(hosts: ReadonlyArray<{ name: string; planDigest?: string }>): string {
  const sorted = hosts
    .map((h) => [h.name, h.planDigest ?? ""] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHmac("sha256", "infra-action combined plan digest 1").update(JSON.stringify(sorted)).digest("hex");
}

function keyedHostDigest(entry: PlanDigestEntry, key: Buffer): string {
  const canonical = {
    host: entry.host,
    status: entry.status,
    operations: entry.operations.map((o) => [o.name, o.op, o.status, o.fingerprint]),
  };
  return createHmac("sha256", key).update(JSON.stringify(canonical)).digest("hex");
}

// The digest's key: a hash of the distinct secret values in a fixed order, so it is the same
// whatever order they were given in (a plan job and its apply job), and different for other values.
// With no secrets it is a constant: there is then no known secret in the plan to protect.
function digestKey(secrets: Iterable<string>): Buffer {
  const hash = createHash("sha256").update("infra-action plan digest key 1\0");
  for (const value of [...new Set(secrets)].filter(Boolean).sort()) {
    // Length-prefixed, so ["ab", "c"] and ["a", "bc"] differ.
    hash
      .update(`${Buffer.byteLength(value)}:`)
      .update(value)
      .update("\0");
  }
  return hash.digest();
}
