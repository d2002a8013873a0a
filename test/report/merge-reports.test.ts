// merge-reports: shard reports back into one, with the unsharded digest, and every bad input refused
// with a message naming the file and the fix.
import { describe, expect, test } from "vitest";
import { UsageError } from "../../src/errors.js";
import {
  mergeReports,
  parseShardReport,
  recombinePlanDigest,
  type ShardReport,
} from "../../src/report/merge-reports.js";
import {
  combinePlanDigests,
  hostPlanDigest,
  type PlanDigestEntry,
  planDigest,
  type Report,
  type ReportHost,
  reportTotals,
} from "../../src/report/report.js";

const secrets = ["s3cret-value"];

function entry(name: string, changed: boolean): PlanDigestEntry {
  return {
    host: name,
    status: changed ? "changed" : "unchanged",
    operations: [{ name: "nginx", op: "apt.packages", status: changed ? "changed" : "unchanged", fingerprint: "f" }],
  };
}

function host(name: string, changed: boolean): ReportHost {
  const e = entry(name, changed);
  return {
    name,
    groups: [],
    connector: "ssh",
    status: e.status,
    durationMs: 10,
    executions: 1,
    planDigest: hostPlanDigest(e, secrets),
    operations: [
      {
        name: "nginx",
        op: "apt.packages",
        status: changed ? "changed" : "unchanged",
        commands: changed ? ["apt-get install nginx"] : [],
        durationMs: 1,
      },
    ],
  };
}

// A shard's report as the engine writes it.
function shard(
  source: string,
  hosts: ReportHost[],
  startedAt = "2026-01-01T00:00:00.000Z",
  mode: Report["mode"] = "plan",
): ShardReport {
  return {
    source,
    report: {
      version: 1,
      mode,
      startedAt,
      durationMs: 1000,
      planDigest: combinePlanDigests(hosts as Array<{ name: string; planDigest: string }>),
      hosts,
      totals: reportTotals(hosts),
    },
  };
}

// The report as a shard job writes it: it says which shard it is.
function of(part: ShardReport, index: number, count: number): ShardReport {
  return { ...part, report: { ...part.report, shard: { index, count } } };
}

describe("mergeReports", () => {
  test("one report with every host, recounted, whose digest is the unsharded run's", () => {
    const unsharded = planDigest([entry("web-1", true), entry("web-2", false), entry("db-1", true)], secrets);
    const merged = mergeReports([
      shard("a.json", [host("web-2", false), host("web-1", true)], "2026-01-01T00:00:01.000Z"),
      shard("b.json", [host("db-1", true)], "2026-01-01T00:00:00.000Z"),
      shard("c.json", []),
    ]);
    expect(merged.planDigest).toBe(unsharded);
    expect(merged.hosts.map((h) => h.name)).toEqual(["db-1", "web-1", "web-2"]);
    expect(merged.totals).toEqual({
      hosts: 3,
      changed: 2,
      unchanged: 1,
      failed: 0,
      unreachable: 0,
      operationsChanged: 2,
    });
    expect(merged.startedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(merged.durationMs).toBe(2000);
    expect(merged.mode).toBe("plan");
  });

  test("the shards of one split, each once: merged", () => {
    const merged = mergeReports([of(shard("b.json", [host("db-1", true)]), 2, 2), of(shard("a.json", []), 1, 2)]);
    expect(merged.hosts.map((h) => h.name)).toEqual(["db-1"]);
    expect(merged.shard).toBeUndefined();
  });

  test.each<[string, () => ShardReport[], string]>([
    [
      "a shard missing",
      () => [of(shard("a.json", []), 1, 4), of(shard("b.json", []), 2, 4), of(shard("d.json", []), 4, 4)],
      "The report of shard 3/4 is missing (given: 1/4, 2/4, 4/4). Give every shard's report",
    ],
    [
      "one shard twice",
      () => [of(shard("a.json", []), 1, 2), of(shard("b.json", []), 1, 2)],
      "a.json and b.json are both shard 1/2: give each shard's report once.",
    ],
    [
      "shards of different splits",
      () => [of(shard("a.json", []), 1, 2), of(shard("b.json", []), 2, 3)],
      "b.json is shard 2/3 but a.json is of 2 shards",
    ],
    [
      "a shard and an unsharded report",
      () => [of(shard("a.json", []), 1, 1), shard("b.json", [])],
      "b.json is the report of an unsharded run, the others are shards of 1",
    ],
    ["no reports", () => [], "merge-reports needs at least one report file."],
    [
      "different modes",
      () => [shard("a.json", [host("a", true)]), shard("b.json", [host("b", true)], undefined, "apply")],
      "b.json is an apply report but a.json is a plan report: merge the reports of one run, all plan or all apply.",
    ],
    [
      "a host in two reports",
      () => [shard("a.json", [host("web-1", true)]), shard("b.json", [host("web-1", true)])],
      "Host web-1 is in both a.json and b.json: each host belongs to one shard.",
    ],
    [
      "another format version",
      () => [shard("a.json", []), { source: "b.json", report: { ...shard("b.json", []).report, version: 2 as 1 } }],
      "b.json is a report of format version 2; this infra-action reads version 1.",
    ],
    [
      "a host without its digest",
      () => {
        const { planDigest: _, ...bare } = host("web-1", true);
        return [{ source: "a.json", report: { ...shard("a.json", []).report, hosts: [bare] } }];
      },
      "a.json: host web-1 has no plan digest",
    ],
    [
      "a run that failed before planning",
      () => [{ source: "a.json", report: { ...shard("a.json", []).report, planDigest: "" } }],
      "a.json has no plan digest: that shard's run failed before it planned.",
    ],
    [
      "a shard digest that is not its hosts'",
      () => [
        { source: "a.json", report: { ...shard("a.json", [host("web-1", true)]).report, planDigest: "0".repeat(64) } },
      ],
      "a.json: its planDigest is not the combination of its hosts' digests",
    ],
  ])("%s: refused", (_, parts, message) => {
    expect(() => mergeReports(parts())).toThrow(UsageError);
    expect(() => mergeReports(parts())).toThrow(message);
  });
});

describe("parseShardReport", () => {
  test.each([
    ["{", "r.json is not valid JSON ("],
    ["[]", "r.json is not an infra-action report (it needs version, mode, planDigest and hosts)."],
    ['{"version":1,"mode":"x","planDigest":"","hosts":[]}', "r.json is not an infra-action report"],
  ])("%s: refused", (text, message) => {
    expect(() => parseShardReport(text, "r.json")).toThrow(message);
  });

  test("a report written by the engine reads back", () => {
    const { report } = shard("r.json", [host("web-1", true)]);
    expect(parseShardReport(JSON.stringify(report), "r.json").report).toEqual(report);
  });
});

describe("recombinePlanDigest: an apply shard's part against the merged plan", () => {
  const merged = mergeReports([
    shard("a.json", [host("web-1", true), host("web-2", false)]),
    shard("b.json", [host("db-1", true)]),
  ]);
  const inA = (name: string) => name.startsWith("web-");

  test.each<[string, ReportHost[], boolean]>([
    ["the shard's plan unchanged: the reviewed digest", [host("web-2", false), host("web-1", true)], true],
    ["a host's plan changed", [host("web-1", false), host("web-2", false)], false],
    ["a host gone from the shard", [host("web-1", true)], false],
    ["a new host in the shard", [host("web-1", true), host("web-2", false), host("web-3", true)], false],
  ])("%s", (_, hosts, same) => {
    const now = recombinePlanDigest(merged, shard("now.json", hosts).report, inA);
    expect(now === merged.planDigest).toBe(same);
  });
});
