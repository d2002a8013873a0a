// The bundled action run as the runner runs it, against real targets, with a loopback GitHub API.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-api.js";
import { pushedCommit, runAction } from "../helpers/run-action.js";

const secret = "s3cr3t-T0KEN-value-9f2c";
let api: FakeGitHub;
beforeAll(async () => {
  api = await startFakeGitHub();
});
afterAll(() => api.close());

const pullRequest = {
  pull_request: { number: 7, head: { sha: "abc" } },
  repository: { name: "infra", owner: { login: "acme" } },
};
const base = (root: string, extra: Record<string, string> = {}) => ({
  inventory: "test/fixtures/action/inventory.ts",
  deploy: "test/fixtures/action/deploy.ts",
  data: `root=${root}`,
  secrets: `APP_SECRET=${secret}\nOTHER=unused-value`,
  "github-token": "ghs_fake_token_for_tests_0123456789",
  ...extra,
});

describe("plan on a pull request", () => {
  const root = join(mkdtempSync(join(tmpdir(), "infra-action-pr-")), "target");

  test("outputs, job summary and a sticky comment created once, then edited", async () => {
    const first = await runAction(base(root), { event: "pull_request", payload: pullRequest, apiUrl: api.url });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.changed).toBe("true");
    expect(first.outputs["changed-hosts"]).toBe("@local");
    expect(first.outputs["failed-hosts"]).toBe("");
    expect(first.outputs["plan-digest"]).toMatch(/^[0-9a-f]{64}$/);
    const report = JSON.parse(readFileSync(first.outputs.report ?? "", "utf8")) as Report;
    expect(report.mode).toBe("plan");
    expect(first.stdout).toContain("::group::Load inventory");
    expect(first.stdout).toContain("::group::Plan by host");
    expect(first.summary).toContain("### 📋 infra-action plan for test/fixtures/action/inventory.ts");
    // The header names the job, the commit (linked) and the run, always.
    expect(first.summary).toContain(
      "Environment **plan** · commit [`abc`](https://github.example/acme/infra/commit/abc) · [workflow run](https://github.example/acme/infra/actions/runs/4242)",
    );
    expect(first.summary).toContain(
      "**1 host**: **1** to change, **0** unchanged, **0** failed — **2 operations** to change.",
    );
    expect(first.summary).toContain(
      "<details open><summary>🟡 <strong>@local</strong>: 2 operations to change</summary>",
    );
    expect(first.summary).toContain("Nothing was changed: this is a plan. After merge, the apply job applies it");
    expect(first.summary).toContain("**Create &lt;root&gt; &amp; friends**");
    expect(first.summary).toContain("```diff");
    const posts = api.calls.filter((c) => c.method === "POST");
    expect(posts.map((c) => c.path)).toEqual(["/repos/acme/infra/issues/7/comments"]);
    expect(posts[0]?.body?.body).toMatch(
      /^<!-- infra-action:deploy:plan:test\/fixtures\/action\/inventory\.ts -->\n### 📋 infra-action plan/,
    );

    const second = await runAction(base(root), { event: "pull_request", payload: pullRequest, apiUrl: api.url });
    expect(second.exitCode).toBe(0);
    expect(api.calls.filter((c) => c.method === "POST")).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === "PATCH").map((c) => c.path)).toEqual([
      "/repos/acme/infra/issues/comments/1000",
    ]);
    expect(api.comments).toHaveLength(1);
  });

  test("the marker is found on page 2 of the comments", async () => {
    const fresh = await startFakeGitHub();
    try {
      for (let i = 0; i < 100; i++)
        fresh.comments.push({ id: i + 1, body: `comment ${i}`, user: { login: "someone" } });
      // A look-alike by another author must not be edited.
      fresh.comments.push({
        id: 500,
        body: "<!-- infra-action:deploy:plan:test/fixtures/action/inventory.ts -->",
        user: { login: "mallory" },
      });
      fresh.comments.push({
        id: 501,
        body: "<!-- infra-action:deploy:plan:test/fixtures/action/inventory.ts -->\nold plan",
        user: { login: "github-actions[bot]" },
      });
      const result = await runAction(base(root), { event: "pull_request", payload: pullRequest, apiUrl: fresh.url });
      expect(result.exitCode).toBe(0);
      expect(fresh.calls.filter((c) => c.method === "GET" && c.path.includes("/comments")).map((c) => c.path)).toEqual([
        "/repos/acme/infra/issues/7/comments?per_page=100",
        "/repos/acme/infra/issues/7/comments?per_page=100&page=2",
      ]);
      expect(fresh.calls.filter((c) => c.method === "PATCH").map((c) => c.path)).toEqual([
        "/repos/acme/infra/issues/comments/501",
      ]);
      expect(fresh.calls.filter((c) => c.method === "POST")).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });

  test("no permission to comment is a warning, not a failure", async () => {
    const readOnly = await startFakeGitHub();
    readOnly.writeStatus = 403;
    try {
      const result = await runAction(base(root), { event: "pull_request", payload: pullRequest, apiUrl: readOnly.url });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(
        "::warning::Could not comment the plan on #7: the token may not write to pull requests",
      );
    } finally {
      await readOnly.close();
    }
  });

  test("a secret given in `secrets` and used in data and a template appears nowhere", async () => {
    const result = await runAction(base(root), { event: "pull_request", payload: pullRequest, apiUrl: api.url });
    expect(result.exitCode).toBe(0);
    const report = readFileSync(result.outputs.report ?? "", "utf8");
    expect(report).toContain("+token = ***");
    // The runner consumes ::add-mask:: commands; they never reach the log.
    const log = result.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    const everything = [
      log,
      result.stderr,
      result.summary,
      report,
      JSON.stringify(api.calls),
      ...readdirSync(result.runnerTemp).map((f) => readFileSync(join(result.runnerTemp, f), "utf8")),
    ].join("\n");
    const hits =
      everything.split(secret).length - 1 + everything.split("ghs_fake_token_for_tests_0123456789").length - 1;
    recordFault({
      scenario: "secrets in the action (log, summary, comment, report, runner files)",
      affected: 0,
      completed: 1,
      leftovers: 0,
      secretHits: hits,
      injectionEscapes: 0,
    });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain("ghs_fake_token_for_tests_0123456789");
    expect(result.stdout).toContain(`::add-mask::${secret}`);
  });

  test("an oversized plan stays within GitHub's limits and says what it left out", async () => {
    const fresh = await startFakeGitHub();
    try {
      const result = await runAction(base(root, { data: `root=${root}\nbig_files=6` }), {
        event: "pull_request",
        payload: pullRequest,
        apiUrl: fresh.url,
      });
      expect(result.exitCode).toBe(0);
      const body = fresh.calls.find((c) => c.method === "POST")?.body?.body ?? "";
      expect(body.length).toBeGreaterThan(1000);
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body).toContain(
        "were left out to stay within GitHub's size limit. The full plan is in the [run's log and report](https://github.example/acme/infra/actions/runs/4242).",
      );
      expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024);
      expect(result.summary).toContain("Big file 5");
    } finally {
      await fresh.close();
    }
  });
});

describe("apply after merge", () => {
  test("applies, writes the job summary and, for a commit of no pull request, comments nowhere", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "infra-action-apply-")), "target");
    const calls = api.calls.length;
    const result = await runAction(base(root, { mode: "apply" }), { event: "push", apiUrl: api.url });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(readFileSync(join(root, "secret.conf"), "utf8")).toBe(`# @local\ntoken = ${secret}\n`);
    expect(result.summary).toContain("### ✅ infra-action apply for test/fixtures/action/inventory.ts");
    expect(result.summary).toContain(
      "**1 host**: **1** changed, **0** unchanged, **0** failed — **2 operations** changed.",
    );
    expect(result.summary).toContain(
      `commit [\`${pushedCommit.slice(0, 7)}\`](https://github.example/acme/infra/commit/${pushedCommit})`,
    );
    // The timing picture: each stage of @local's run as a bar, from the engine's own clock.
    expect(result.summary).toMatch(
      /```mermaid\ngantt\n[\s\S]* {2}section @local\n {4}connect :\d+, \d+\n {4}deploy :\d+, \d+\n {4}facts :\d+, \d+\n {4}plan :\d+, \d+\n {4}apply :\d+, \d+\n```/,
    );
    expect(api.calls.slice(calls).map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /repos/acme/infra/commits/${pushedCommit}/pulls`,
    ]);
    expect(result.stdout).toContain(`Commit ${pushedCommit.slice(0, 7)} came from no pull request`);
    expect(result.outputs.changed).toBe("true");
  });

  test("the result of an apply after merge is posted on the pull request the commit came from", async () => {
    const fresh = await startFakeGitHub();
    try {
      fresh.pullsOfCommit = { [pushedCommit]: [12] };
      const root = join(mkdtempSync(join(tmpdir(), "infra-action-apply-pr-")), "target");
      const result = await runAction(base(root, { mode: "apply" }), { event: "push", apiUrl: fresh.url });
      expect(result.exitCode, result.stdout).toBe(0);
      const posts = fresh.calls.filter((c) => c.method === "POST");
      expect(posts.map((c) => c.path)).toEqual(["/repos/acme/infra/issues/12/comments"]);
      const body = posts[0]?.body?.body ?? "";
      expect(body).toContain("### ✅ infra-action apply for test/fixtures/action/inventory.ts");
      expect(body).toContain("🟡 <strong>@local</strong>: 2 operations changed");
      expect(body).toContain("This is the result of the apply.");
      expect(body).not.toContain(secret);
      expect(result.stdout).toContain("Commented the apply result on #12.");
    } finally {
      await fresh.close();
    }
  });

  test("a plan digest that differs from the reviewed one: nothing is applied, the changes are named", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "infra-action-digest-")), "target");
    const result = await runAction(base(root, { mode: "apply", "expected-plan-digest": "0".repeat(64) }), {
      event: "push",
      apiUrl: api.url,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::The plan differs from the reviewed one \(expected-plan-digest 0{64}, now [0-9a-f]{64}\); nothing was applied\. Changes planned now: @local: Create <root> & friends, Config with the token\. Review the new plan and approve again\./,
    );
    expect(existsSync(join(root, "secret.conf"))).toBe(false);
    // The job summary says the apply was refused, before anything else, and what comes next.
    expect(result.summary).toMatch(/^### ⛔ infra-action \w+ for test\/fixtures\/action\/inventory\.ts/m);
    expect(result.summary).toContain("> [!CAUTION]\n> The plan differs from the reviewed one");
    expect(result.summary).toContain("Nothing was applied. Review the new plan and approve the apply again.");
  });

  test("the reviewed digest lets apply go ahead", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "infra-action-digest-ok-")), "target");
    const plan = await runAction(base(root), { event: "push", apiUrl: api.url });
    const result = await runAction(
      base(root, { mode: "apply", "expected-plan-digest": plan.outputs["plan-digest"] ?? "" }),
      { event: "push", apiUrl: api.url },
    );
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(root, "secret.conf"))).toBe(true);
  });

  test("fail-on-changes fails a plan with changes (drift)", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "infra-action-drift-")), "target");
    const result = await runAction(base(root, { "fail-on-changes": "true" }), { event: "schedule", apiUrl: api.url });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "::error::2 operations would change (fail-on-changes): the hosts drifted from the deploy files.",
    );
  });
});

describe("bad inputs", () => {
  test.each([
    [{ inventory: "" }, "The `inventory` input is required"],
    [{ deploy: "" }, "The deploy input is required"],
    [{ mode: "destroy" }, 'The mode input must be plan, apply or merge; it is "destroy".'],
    [{ "fail-on-changes": "yes please" }, 'The fail-on-changes input must be true or false; it is "yes please".'],
    [
      { "expected-plan-digest": "abc" },
      "The expected-plan-digest input must be the plan job's plan-digest output (64 hex digits).",
    ],
    [{ secrets: "{not json" }, "The secrets input starts with { but is not valid JSON."],
  ])("%j", async (inputs, message) => {
    const result = await runAction({ ...base("/tmp/never"), ...inputs }, { apiUrl: api.url });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`::error::${message}`);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });
});

describe("real targets", () => {
  test("@local, a container and an SSH host, with the key and host key given as inputs", async () => {
    const env = JSON.parse(readFileSync(new URL("../../.test-env/env.json", import.meta.url), "utf8"));
    const home = mkdtempSync(join(tmpdir(), "infra-action-home-"));
    const root = `/tmp/ia-action-targets-${process.pid}`;
    const result = await runAction(
      {
        mode: "apply",
        inventory: "test/fixtures/action/targets.ts",
        deploy: "test/fixtures/action/targets-deploy.ts",
        data: `root=${root}`,
        "ssh-private-key": readFileSync(env.users.deploy.key, "utf8"),
        "ssh-known-hosts": readFileSync(env.knownHosts, "utf8"),
      },
      { event: "push", apiUrl: api.url, env: { HOME: home } },
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs["changed-hosts"]).toBe(`@local,@docker/${env.image},test-sshd`);
    const report = JSON.parse(readFileSync(result.outputs.report ?? "", "utf8")) as Report;
    expect(report.hosts.map((h) => [h.name, h.status])).toEqual([
      ["@local", "changed"],
      [`@docker/${env.image}`, "changed"],
      ["test-sshd", "changed"],
    ]);
    expect(report.hosts[1]?.image).toMatch(/^sha256:/);
    execFileSync("docker", ["rmi", report.hosts[1]?.image ?? ""]);
    // The key stayed in memory: nothing under HOME or RUNNER_TEMP holds it.
    const key = readFileSync(env.users.deploy.key, "utf8").split("\n")[1] ?? "";
    for (const dir of [home, result.runnerTemp]) {
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        const path = join(dir, file);
        try {
          expect(readFileSync(path, "utf8")).not.toContain(key);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EISDIR") throw error;
        }
      }
    }
  });
});

describe("PR comment under faults", () => {
  const root = join(mkdtempSync(join(tmpdir(), "infra-action-faults-")), "target");
  // Waits are scaled down a thousandfold: a 1 s backoff takes 1 ms.
  const fast = { INFRA_ACTION_RETRY_SCALE: "0.001" };
  const onPull = (url: string, payload: Record<string, unknown> = pullRequest) => ({
    event: "pull_request",
    payload,
    apiUrl: url,
    env: fast,
  });
  const withApi = async (check: (fake: FakeGitHub) => Promise<void>) => {
    const fake = await startFakeGitHub();
    try {
      await check(fake);
    } finally {
      await fake.close();
    }
  };

  test("502 answers are retried and the comment is written", () =>
    withApi(async (fake) => {
      fake.fail({ status: 502, method: "GET" }, { status: 502, method: "GET" }, { status: 503, method: "POST" });
      const result = await runAction(base(root), onPull(fake.url));
      expect(result.exitCode, result.stdout).toBe(0);
      expect(fake.calls.filter((c) => c.path.includes("/comments")).map((c) => `${c.method} ${c.path}`)).toEqual([
        "GET /repos/acme/infra/issues/7/comments?per_page=100",
        "GET /repos/acme/infra/issues/7/comments?per_page=100",
        "GET /repos/acme/infra/issues/7/comments?per_page=100",
        "POST /repos/acme/infra/issues/7/comments",
        "POST /repos/acme/infra/issues/7/comments",
      ]);
      expect(fake.comments).toHaveLength(1);
      expect(result.stdout).toContain("GitHub API answered 502");
      expect(result.stdout).not.toContain("::warning::Could not comment");
    }));

  test("a server that keeps failing is tried a bounded number of times, then a warning", () =>
    withApi(async (fake) => {
      fake.failAlways({ status: 502, path: /comments/ });
      const result = await runAction(base(root), onPull(fake.url));
      expect(result.exitCode, result.stdout).toBe(0);
      expect(fake.calls.filter((c) => c.path.includes("/comments"))).toHaveLength(4);
      expect(result.stdout).toMatch(
        /::warning::Could not comment the plan on #7: the GitHub API answered 502 4 times; the plan comment was not updated; re-run the job to try again\. The plan is in the job summary\./,
      );
      expect(result.stdout).not.toContain("may not write to pull requests");
    }));

  test("a rate-limit 403 is waited out when retry-after allows, and reported as a rate limit when not", () =>
    withApi(async (fake) => {
      fake.fail({
        status: 403,
        method: "POST",
        headers: { "retry-after": "2" },
        message: "You have exceeded a secondary rate limit.",
      });
      const ok = await runAction(base(root), onPull(fake.url));
      expect(ok.exitCode, ok.stdout).toBe(0);
      expect(fake.calls.filter((c) => c.method === "POST")).toHaveLength(2);
      expect(fake.comments).toHaveLength(1);
      expect(ok.stdout).toContain("GitHub API rate limit hit; retrying in 2s");

      const reset = Math.floor(Date.now() / 1000) + 3600;
      fake.failAlways({
        status: 403,
        path: /comments/,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
        message: "API rate limit exceeded for installation ID 1.",
      });
      const before = fake.calls.length;
      const limited = await runAction(base(root), onPull(fake.url));
      expect(limited.exitCode, limited.stdout).toBe(0);
      // The reset is an hour away, past the wait cap: no retry.
      expect(fake.calls.slice(before).filter((c) => c.path.includes("/comments"))).toHaveLength(1);
      const at = new Date(reset * 1000).toISOString().slice(11, 16);
      expect(limited.stdout).toContain(
        `::warning::Could not comment the plan on #7: GitHub API rate limit hit; the plan comment was not updated; retry after ${at} UTC (re-run the job). The plan is in the job summary.`,
      );
      expect(limited.stdout).not.toContain("may not write to pull requests");
    }));

  const headSha = "0123456789abcdef0123456789abcdef01234567";
  const atCommit = { ...pullRequest, pull_request: { number: 7, head: { sha: headSha } } };

  test("the same inventory broken later: the comment that held its plan now says the run failed", () =>
    withApi(async (fake) => {
      const workspace = mkdtempSync(join(tmpdir(), "infra-action-ws-"));
      const inventory = join(workspace, "inventory.ts");
      const write = (text: string) => writeFileSync(inventory, text);
      write('export const targets = ["@local"];\n');
      writeFileSync(
        join(workspace, "deploy.ts"),
        'import { server } from "infra-action";\nserver.shell({ name: "Say hi", commands: ["true"] });\n',
      );
      const inputs = {
        inventory: "inventory.ts",
        deploy: "deploy.ts",
        "github-token": "ghs_fake_token_for_tests_0123456789",
      };
      const good = await runAction(inputs, { ...onPull(fake.url, atCommit), workspace });
      expect(good.exitCode, good.stdout).toBe(0);
      expect(fake.comments).toHaveLength(1);
      expect(fake.comments[0]?.body).toContain("Say hi");
      write('export const targets = ["@local",\n');
      const broken = await runAction(inputs, {
        ...onPull(fake.url, {
          ...pullRequest,
          pull_request: { number: 7, head: { sha: "fedcba9876543210fedcba9876543210fedcba98" } },
        }),
        workspace,
      });
      expect(broken.exitCode).toBe(1);
      expect(fake.comments).toHaveLength(1);
      const body = fake.comments[0]?.body ?? "";
      expect(body).toMatch(
        /^<!-- infra-action:deploy:plan:inventory\.ts -->\n### ❌ infra-action plan for inventory\.ts/,
      );
      expect(body).toContain(
        "The run for commit [`fedcba9`](https://github.example/acme/infra/commit/fedcba9876543210fedcba9876543210fedcba98) failed before it could plan",
      );
      expect(body).not.toContain("Say hi");
      expect(body).toContain("<pre>inventory.ts:2:1: syntax error: Unexpected token.");
      expect(broken.stdout).toContain("::error::inventory.ts:2:1: syntax error: Unexpected token.");
      expect(broken.stdout).not.toMatch(/^\s+at /m);
      expect(broken.summary).toContain(
        "The run for commit [`fedcba9`](https://github.example/acme/infra/commit/fedcba9876543210fedcba9876543210fedcba98) failed before it could plan. No plan is shown.",
      );

      // Inventory fixed, the deploy file broken: every host fails to plan, and the comment says so.
      write('export const targets = ["@local"];\n');
      writeFileSync(
        join(workspace, "deploy.ts"),
        'import { server } from "infra-action";\nserver.shell({ name: "Say hi",\n',
      );
      const badDeploy = await runAction(inputs, {
        ...onPull(fake.url, { ...pullRequest, pull_request: { number: 7, head: { sha: "7777777aaaa" } } }),
        workspace,
      });
      expect(badDeploy.exitCode).toBe(1);
      expect(fake.comments).toHaveLength(1);
      const failedPlan = fake.comments[0]?.body ?? "";
      expect(failedPlan).toContain("### 📋 infra-action plan for inventory.ts");
      expect(failedPlan).toContain("commit [`7777777`](https://github.example/acme/infra/commit/7777777aaaa)");
      expect(failedPlan).toContain("🔴 <strong>@local</strong>: failed — deploy.ts:3:1: syntax error");
      expect(failedPlan).toContain("deploy.ts:3:1: syntax error");
    }));

  test("a missing working-directory is a clear error naming the input and the path, and the comment says so", () =>
    withApi(async (fake) => {
      const result = await runAction(base(root, { "working-directory": "no/such/dir" }), onPull(fake.url, atCommit));
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(
        /::error::The working-directory input is "no\/such\/dir", but .*no\/such\/dir does not exist/,
      );
      expect(result.stdout).not.toMatch(/^\s+at /m);
      expect(result.stdout).not.toContain("ENOENT");
      expect(fake.comments).toHaveLength(1);
      expect(fake.comments[0]?.body).toContain(
        "The run for commit [`0123456`](https://github.example/acme/infra/commit/0123456789abcdef0123456789abcdef01234567) failed before it could plan",
      );
    }));

  test("an unexpected engine error still writes the summary, the outputs and a clear failure", () =>
    withApi(async (fake) => {
      const result = await runAction(
        base(root, { deploy: "test/fixtures/action/engine-bug-deploy.ts" }),
        onPull(fake.url, atCommit),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain(
        "::error::infra-action stopped on an internal error: TypeError: simulated engine bug",
      );
      expect(result.stdout).not.toMatch(/^::error::.*\n\s+at /m);
      expect(result.summary).toContain("### ❌ infra-action plan for test/fixtures/action/inventory.ts");
      expect(result.summary).toContain("simulated engine bug");
      expect(result.outputs["failed-hosts"]).toBe("@local");
      expect(fake.comments[0]?.body).toContain(
        "The run for commit [`0123456`](https://github.example/acme/infra/commit/0123456789abcdef0123456789abcdef01234567) failed before it finished",
      );
    }));
});
