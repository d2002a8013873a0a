// The PR comment and job summary as a reviewer reads them, from reports built here: identical plans
// shown once with every host named, one line for hosts with nothing to change, the rollups, the header
// and footer, an apply, a refused apply and a failure. The samples under examples/comments/ are these
// outputs (set UPDATE_SAMPLES=1 to write them again after a deliberate change).
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { renderFailureMarkdown } from "../../src/report/failure-markdown.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { type Report, type ReportHost, type ReportOperation, reportTotals } from "../../src/report/report.js";

const nginxDiff = [
  "--- /etc/nginx/nginx.conf\tremote",
  "+++ /etc/nginx/nginx.conf\tdesired",
  "@@ -1,3 +1,3 @@",
  " user www-data;",
  "-worker_processes 2;",
  "+worker_processes 4;",
  " pid /run/nginx.pid;",
  "",
].join("\n");

const operation = (overrides: Partial<ReportOperation>): ReportOperation => ({
  name: "Install packages",
  op: "apt.packages",
  status: "unchanged",
  commands: [],
  durationMs: 12,
  ...overrides,
});
const configure = operation({
  name: "Configure nginx",
  op: "files.template",
  status: "changed",
  reason: "/etc/nginx/nginx.conf differs",
  commands: ["write /etc/nginx/nginx.conf (1.2 kB, mode 644)"],
  diff: nginxDiff,
});
const host = (
  name: string,
  groups: string[],
  operations: ReportOperation[],
  status?: ReportHost["status"],
): ReportHost => ({
  name,
  groups,
  connector: "ssh",
  status:
    status ??
    (operations.some((o) => o.status === "failed")
      ? "failed"
      : operations.some((o) => o.status === "changed")
        ? "changed"
        : "unchanged"),
  durationMs: 850,
  executions: 1,
  operations,
});
const report = (mode: Report["mode"], hosts: ReportHost[]): Report => ({
  version: 1,
  mode,
  startedAt: "2026-12-02T10:00:00.000Z",
  durationMs: 4_200,
  planDigest: "5d41402abc4b2a76b9719d911017c592a1b2c3d4e5f60718293a4b5c6d7e8f90",
  hosts,
  totals: reportTotals(hosts),
});
const numbered = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, "0")}`);
const view = {
  title: "infra-action plan for inventory/production.ts",
  limit: 65_000,
  marker: "<!-- infra-action:deploy:plan:inventory/production.ts -->",
  commit: {
    sha: "9fceb02d0ae598e95dc970b74767f19372d61af8",
    url: "https://github.com/acme/infra/commit/9fceb02d0ae598e95dc970b74767f19372d61af8",
  },
  runUrl: "https://github.com/acme/infra/actions/runs/4242",
  environment: "production",
  footer: "Nothing was changed: this is a plan.",
};

// The sample under examples/comments/ equals what the builder renders.
function matchesSample(name: string, text: string): void {
  const path = `examples/comments/${name}.md`;
  if (process.env.UPDATE_SAMPLES === "1") writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, "utf8"));
}

test("300 hosts with one identical change: the diff once, every host named, far below the limit", () => {
  const web = numbered("web", 300).map((name) => host(name, ["web"], [operation({}), configure]));
  const text = renderMarkdown(report("plan", web), view);
  expect(text.length).toBeLessThan(20_000);
  expect(text.split("```diff")).toHaveLength(2);
  expect(text).toContain("-worker_processes 2;\n  +worker_processes 4;");
  expect(text).toContain("🟡 <strong>web-001 … web-300</strong> (300 hosts): 1 operation to change</summary>");
  for (const name of ["web-001", "web-150", "web-300"]) expect(text).toContain(`<code>${name}</code>`);
  expect(text).toContain("- **Configure nginx** <code>files.template</code>: would change on 300 hosts");
  expect(text).toContain("| web | 300 | 300 | 0 | 0 |");
  expect(text).toContain(
    "**300 hosts**: **300** to change, **0** unchanged, **0** failed — **300 operations** to change.",
  );
  expect(text).not.toContain("[!NOTE]");
});

test("a mixed estate: groups of identical plans, the unchanged on one line, the header and footer", () => {
  const hosts = [
    ...numbered("web", 5).map((name) => host(name, ["web"], [operation({}), configure])),
    ...numbered("db", 2).map((name) =>
      host(
        name,
        ["db"],
        [
          operation({
            status: "changed",
            reason: "postgresql-15 is not installed",
            commands: ["apt-get install -y postgresql-15"],
          }),
        ],
      ),
    ),
    ...numbered("cache", 4).map((name) => host(name, ["cache"], [operation({})])),
  ];
  const text = renderMarkdown(report("plan", hosts), view);
  expect(text.startsWith(`${view.marker}\n### 📋 infra-action plan for inventory/production.ts\n`)).toBe(true);
  expect(text).toContain(
    "Environment **production** · commit [`9fceb02`](https://github.com/acme/infra/commit/9fceb02d0ae598e95dc970b74767f19372d61af8) · [workflow run](https://github.com/acme/infra/actions/runs/4242)",
  );
  expect(text).toContain("🟡 <strong>web-001 … web-005</strong> (5 hosts): 1 operation to change");
  expect(text).toContain("🟡 <strong>db-001, db-002</strong> (2 hosts): 1 operation to change");
  expect(text).toContain("**Install packages** <code>apt.packages</code> — postgresql-15 is not installed");
  expect(text).toContain("apt-get install -y postgresql-15");
  expect(text).toContain("⚪ No changes on 4 hosts");
  expect(text).toContain("| cache | 4 | 0 | 4 | 0 |");
  expect(text.trimEnd().split("\n").slice(-3)).toEqual([
    "Nothing was changed: this is a plan.",
    "",
    `<sub>Plan digest: \`${report("plan", hosts).planDigest}\`</sub>`,
  ]);
  matchesSample("plan", text);
});

test("nothing to change: one compact line, no table of empty hosts", () => {
  const hosts = numbered("app", 11).map((name) => host(name, ["app"], [operation({})]));
  const text = renderMarkdown(report("plan", hosts), view);
  expect(text).toContain("**11 hosts**: nothing to change.");
  expect(text).toContain("<details><summary>⚪ No changes on 11 hosts</summary>");
  expect(text).not.toContain("<details open>");
  expect(text).not.toContain("| host |");
  matchesSample("no-changes", text);
});

test("an apply says it applied, what changed and what failed with its fatal lines", () => {
  const failedInstall = operation({
    status: "failed",
    reason: "exit code 100: E: Unable to locate package postgresql-99",
    commands: ["apt-get install -y postgresql-99"],
    exitCode: 100,
    stderr: "E: Unable to locate package postgresql-99",
  });
  const hosts = [
    ...numbered("web", 3).map((name) => host(name, ["web"], [operation({}), configure])),
    host(
      "db-001",
      ["db"],
      [
        failedInstall,
        operation({
          name: "Configure PostgreSQL",
          op: "files.template",
          status: "skipped",
          reason: "not run: an earlier operation failed",
        }),
      ],
    ),
  ];
  const text = renderMarkdown(report("apply", hosts), {
    ...view,
    title: "infra-action apply for inventory/production.ts",
    footer: "This is the result of the apply.",
  });
  expect(text).toContain("### ❌ infra-action apply for inventory/production.ts");
  expect(text).toContain("**4 hosts**: **3** changed, **0** unchanged, **1** failed — **3 operations** changed.");
  expect(text).toContain("🔴 <strong>db-001</strong>: failed");
  expect(text).toContain("— exit code 100: E: Unable to locate package postgresql-99\n");
  expect(text).toContain("  E: Unable to locate package postgresql-99");
  expect(text).toContain(
    "⏭️ **Configure PostgreSQL** <code>files.template</code> — not run: an earlier operation failed",
  );
  expect(text).toContain("🟡 <strong>web-001 … web-003</strong> (3 hosts): 1 operation changed");
  expect(text).toContain("- **Install packages** <code>apt.packages</code>: failed on 1 host");
  matchesSample("apply", text);
  const clean = report("apply", hosts.slice(0, 3));
  expect(renderMarkdown(clean, { ...view, title: "apply" })).toContain("### ✅ apply");
});

test("a refused apply says so first, and that nothing was applied", () => {
  const hosts = numbered("web", 2).map((name) => host(name, ["web"], [configure]));
  const refused =
    "The plan differs from the reviewed one (expected-plan-digest 0000, now 5d41); nothing was applied. Review the new plan and approve again.";
  const text = renderMarkdown(report("plan", hosts), { ...view, refused, footer: "Nothing was applied." });
  const lines = text.split("\n");
  expect(lines[1]).toBe("### ⛔ infra-action plan for inventory/production.ts");
  expect(text.indexOf("> [!CAUTION]")).toBeLessThan(text.indexOf("**2 hosts**"));
  expect(text).toContain(`> ${refused}`);
  matchesSample("refused-apply", text);
});

test("a host that could not be reached is its own group with its error", () => {
  const hosts = [
    host("web-001", ["web"], [configure]),
    {
      ...host("web-002", ["web"], []),
      status: "unreachable" as const,
      error: "connect ECONNREFUSED 127.0.0.1:2222\nafter 3 tries",
    },
  ];
  const text = renderMarkdown(report("plan", hosts), view);
  expect(text).toContain(
    "🔴 <strong>web-002</strong>: unreachable — connect ECONNREFUSED 127.0.0.1:2222 after 3 tries</summary>",
  );
  expect(text.indexOf("web-002")).toBeLessThan(text.indexOf("web-001"));
});

test("too much detail for the limit: diffs go first, every host stays counted, and it says where the rest is", () => {
  const big = operation({ ...configure, diff: `${"+x\n".repeat(2_000)}` });
  const hosts = numbered("web", 40).map((name, i) => host(name, ["web"], [{ ...big, diff: `${big.diff}+${i}\n` }]));
  const text = renderMarkdown(report("plan", hosts), { ...view, limit: 20_000 });
  expect(text.length).toBeLessThanOrEqual(20_000);
  expect(text).toContain("**40 hosts**");
  expect(text).toContain(
    "were left out to stay within GitHub's size limit. The full plan is in the [run's log and report](https://github.com/acme/infra/actions/runs/4242).",
  );
});

test("a run that failed before it could plan: the commit, that no plan is shown, and that the old one is stale", () => {
  const text = renderFailureMarkdown("inventory/production.ts:12:5: syntax error: Unexpected token <here>.", {
    title: "infra-action plan for inventory/production.ts",
    stage: "setup",
    commit: view.commit,
    runUrl: view.runUrl,
    forComment: true,
  });
  expect(text).toContain("### ❌ infra-action plan for inventory/production.ts");
  expect(text).toContain(
    "> The run for commit [`9fceb02`](https://github.com/acme/infra/commit/9fceb02d0ae598e95dc970b74767f19372d61af8) failed before it could plan. No plan is shown. Any earlier plan in this comment is out of date.",
  );
  expect(text).toContain("<pre>inventory/production.ts:12:5: syntax error: Unexpected token &lt;here&gt;.</pre>");
  matchesSample("failure", text);
});
