// The sharded workflow end to end (examples/workflows/sharded.yml): the bundled action as four plan
// shard jobs and a merge job against a loopback GitHub API, the reports passed as files the way
// actions/upload-artifact and download-artifact would; then apply shards gated on the merged digest.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shardOfHost } from "../../src/inventory/shard.js";
import type { Report } from "../../src/report/report.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-api.js";
import { runAction } from "../helpers/run-action.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const names = ["web-1", "web-2", "web-3", "db-1", "db-2", "cache-1"];
const dir = mkdtempSync(join(tmpdir(), "infra-action-shard-jobs-"));
const inventory = join(dir, "inventory.json");
const artifacts = join(dir, "reports");
const root = `/tmp/ia-action-shards-${process.pid}`;
// Whether a path exists on the test sshd's container.
const existsOnServer = (path: string) =>
  spawnSync("docker", ["exec", env.servers.main.container, "test", "-e", path]).status === 0;
const pullRequest = {
  pull_request: { number: 9, head: { sha: "abc" } },
  repository: { name: "infra", owner: { login: "acme" } },
};
let api: FakeGitHub;

beforeAll(async () => {
  api = await startFakeGitHub();
  // Six inventory hosts on the one test sshd, each with its own directory.
  const targets = names.map((name) => [name, deployHostData(env, { root: `${root}/${name}` })]);
  writeFileSync(inventory, JSON.stringify({ targets }));
});
afterAll(() => api.close());

const inputs = (extra: Record<string, string> = {}) => ({
  inventory,
  deploy: "test/fixtures/deploys/shard-marker.ts",
  "github-token": "ghs_fake_token_for_tests_0123456789",
  ...extra,
});
const onPullRequest = (job: string) => ({
  event: "pull_request",
  payload: pullRequest,
  apiUrl: api.url,
  env: { GITHUB_JOB: job },
});
const readReport = (file: string | undefined) => JSON.parse(readFileSync(file ?? "", "utf8")) as Report;

test("four plan shards and a merge: one comment, and the merged digest is the unsharded plan's; an apply shard refuses a changed plan", async () => {
  const unsharded = await runAction(inputs({ "pr-comment": "false" }));
  expect(unsharded.exitCode, unsharded.stdout).toBe(0);
  const digest = unsharded.outputs["plan-digest"] ?? "";
  expect(digest).toMatch(/^[0-9a-f]{64}$/);

  // The matrix: shard i of 4, each uploading its report as an artifact.
  const shards = await Promise.all(
    [1, 2, 3, 4].map((i) => runAction(inputs({ shard: `${i}/4` }), onPullRequest("plan"))),
  );
  shards.forEach((shard, index) => {
    const held = names.filter((name) => shardOfHost(name, 4) === index + 1);
    expect(shard.exitCode, shard.stdout).toBe(0);
    expect(shard.stdout).toContain(`shard ${index + 1}/4 holds ${held.length || "none"} of the 6 selected hosts`);
    expect(
      readReport(shard.outputs.report)
        .hosts.map((h) => h.name)
        .sort(),
    ).toEqual(held.sort());
    // download-artifact's layout: one directory per artifact.
    mkdirSync(join(artifacts, `shard-${index + 1}`), { recursive: true });
    copyFileSync(shard.outputs.report ?? "", join(artifacts, `shard-${index + 1}`, "report.json"));
  });
  // Shards write their summaries but never comment.
  expect(api.calls.filter((c) => c.method !== "GET")).toEqual([]);

  // A shard whose report is missing (its job failed) fails the merge, naming it.
  const partial = await runAction(
    {
      mode: "merge",
      reports: `${artifacts}/shard-[123]/report.json`,
      inventory,
      "github-token": inputs()["github-token"],
    },
    onPullRequest("merge"),
  );
  expect(partial.exitCode).toBe(1);
  expect(partial.stdout).toContain("::error::The report of shard 4/4 is missing (given: 1/4, 2/4, 3/4).");
  api.calls.length = 0;
  api.comments.length = 0;

  const merge = await runAction(
    { mode: "merge", reports: `${artifacts}/shard-*/report.json`, inventory, "github-token": inputs()["github-token"] },
    onPullRequest("merge"),
  );
  expect(merge.exitCode, merge.stdout).toBe(0);
  expect(merge.outputs["plan-digest"]).toBe(digest);
  expect(merge.outputs.changed).toBe("true");
  expect(merge.outputs["changed-hosts"]).toBe([...names].sort().join(","));
  expect(merge.outputs["failed-hosts"]).toBe("");
  const merged = readReport(merge.outputs.report);
  expect(merged.planDigest).toBe(digest);
  expect(merged.totals.hosts).toBe(6);
  expect(merge.summary).toContain("(4 shards merged)");
  expect(merge.summary).toContain("**6 hosts**: **6** to change");
  const posts = api.calls.filter((c) => c.method === "POST");
  expect(posts.map((c) => c.path)).toEqual(["/repos/acme/infra/issues/9/comments"]);
  expect(api.comments).toHaveLength(1);
  expect(api.comments[0]?.body).toContain(`Plan digest: \`${digest}\``);
  expect(api.comments[0]?.body).toContain("**6 hosts**: **6** to change");
  const mergedFile = join(dir, "merged-report.json");
  copyFileSync(merge.outputs.report ?? "", mergedFile);

  // The gated apply, in the same matrix: a shard whose plan changed since the review refuses.
  const busy = ([1, 2, 3, 4].find((i) => names.some((name) => shardOfHost(name, 4) === i)) ?? 1) as number;
  const held = names.filter((name) => shardOfHost(name, 4) === busy);
  const gate = { mode: "apply", shard: `${busy}/4`, "expected-plan-digest": digest, "plan-report": mergedFile };
  const changed = await runAction(inputs({ ...gate, data: `root=${root}/elsewhere` }));
  expect(changed.exitCode).toBe(1);
  expect(changed.stdout).toContain(
    `The plan differs from the reviewed one on shard ${busy}/4 (expected-plan-digest ${digest}`,
  );
  expect(changed.summary).toContain("Nothing was applied. Review the new plan and approve the apply again.");
  expect(existsOnServer(`${root}/elsewhere`)).toBe(false);

  // A plan report that is not the reviewed one (a single shard's) is refused too.
  const wrongReport = await runAction(
    inputs({ ...gate, "plan-report": join(artifacts, `shard-${busy}`, "report.json") }),
  );
  expect(wrongReport.exitCode).toBe(1);
  expect(wrongReport.stdout).toContain("is not the reviewed plan");

  // Unchanged, the shard applies its hosts, and only them.
  const applied = await runAction(inputs(gate));
  expect(applied.exitCode, applied.stdout).toBe(0);
  const report = readReport(applied.outputs.report);
  expect(report.hosts.map((h) => h.name).sort()).toEqual(held.sort());
  expect(report.hosts.every((h) => h.status === "changed")).toBe(true);
  for (const name of names) expect(existsOnServer(`${root}/${name}/marker`)).toBe(held.includes(name));
}, 240_000);

test("a shard with no hosts: not an error, nothing planned, an empty report", async () => {
  const empty = [1, 2, 3, 4].find((i) => shardOfHost("web-1", 4) !== i) as number;
  const result = await runAction(inputs({ shard: `${empty}/4`, limit: "web-1" }), onPullRequest("plan"));
  expect(result.exitCode, result.stdout).toBe(0);
  expect(result.stdout).toContain(`shard ${empty}/4 holds none of the 1 selected host: nothing to do on this shard.`);
  expect(result.outputs.changed).toBe("false");
  expect(readReport(result.outputs.report).hosts).toEqual([]);
});

describe("bad shard and merge inputs: one message naming the input, no stack", () => {
  test.each([
    [{ shard: "5/4" }, 'The shard input "5/4" is not a shard: give I/N'],
    [{ shard: "0/4" }, 'The shard input "0/4" is not a shard: give I/N'],
    [{ mode: "merge" }, "mode: merge needs the reports input"],
    [
      { mode: "merge", reports: "nowhere/*/report.json" },
      'The reports input line "nowhere/*/report.json" matches no file',
    ],
    [{ mode: "merge", reports: "package.json" }, "package.json is not an infra-action report"],
    [{ mode: "merge", reports: "r.json", shard: "1/4" }, "The shard input is for the plan and apply shards"],
    [{ "plan-report": "merged.json" }, "The plan-report input is for mode: apply with expected-plan-digest"],
    [
      { mode: "apply", shard: "1/4", "expected-plan-digest": "a".repeat(64) },
      "With shard and expected-plan-digest, give plan-report too",
    ],
    [
      { mode: "apply", "expected-plan-digest": "a".repeat(64), "plan-report": "nope.json" },
      'The plan-report input is "nope.json", which cannot be read (ENOENT)',
    ],
  ])("%j", async (extra, message) => {
    const result = await runAction(inputs(extra), { apiUrl: api.url });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`::error::${message}`);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });
});
