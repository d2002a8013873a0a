// The plan or apply as Markdown, for the job summary and the PR comment. A reviewer reads, in order: the
// header (what, where, which commit, the run), the totals, each distinct plan once with every host that
// shares it, one line for the hosts with nothing to change, the rollups by inventory group and by
// operation, then what happens next. Everything user-given is escaped, and detail is elided (and said
// so) to stay under a size limit.
import { plural } from "../util/plural.js";
import { foldCommand } from "./fold-command.js";
import { groupPlans, type PlanGroup, rollUpByGroup, rollUpByOperation } from "./plan-groups.js";
import { operationTitle, type Report, type ReportOperation } from "./report.js";
import { renderTimingChart } from "./timing-chart.js";

export interface MarkdownOptions {
  // "infra-action plan for inventory/production.ts"
  title: string;
  // Most characters the result may have.
  limit: number;
  // A link to the workflow run.
  runUrl?: string;
  // Hidden first line (the sticky comment's marker).
  marker?: string;
  // The commit planned or applied, and a link to it.
  commit?: { sha: string; url?: string };
  // The GitHub environment (or job) the run is for.
  environment?: string;
  // What happens next (how the apply runs, or that it waits for approval), shown last.
  footer?: string;
  // Why nothing was applied (an apply refused because its plan differs from the reviewed one), shown first.
  refused?: string;
  // Show each host's time as a Gantt chart (the job summary; a comment stays about the change).
  timing?: boolean;
}

// How much of each plan group is shown; hostNames caps the names listed per group.
interface Detail {
  operations: "full" | "no-diffs" | "no-commands" | "none";
  hostNames: number;
}

const ladder: Detail[] = [
  { operations: "full", hostNames: Number.POSITIVE_INFINITY },
  { operations: "no-diffs", hostNames: Number.POSITIVE_INFINITY },
  { operations: "no-commands", hostNames: Number.POSITIVE_INFINITY },
  { operations: "none", hostNames: Number.POSITIVE_INFINITY },
  { operations: "none", hostNames: 50 },
  { operations: "none", hostNames: 5 },
  { operations: "none", hostNames: 0 },
];

// Renders the report at the most detail that fits the limit.
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const groups = groupPlans(report);
  let text = "";
  for (const detail of ladder) {
    text = render(report, groups, options, detail);
    if (text.length <= options.limit) return text;
  }
  return text.slice(0, options.limit);
}

function render(report: Report, groups: PlanGroup[], options: MarkdownOptions, detail: Detail): string {
  const out: string[] = [];
  if (options.marker) out.push(options.marker);
  out.push(`### ${modeMark(report, Boolean(options.refused))} ${escapeHtml(options.title)}`, "");
  const header = headerLine(options);
  if (header) out.push(header, "");
  if (options.refused) out.push(`> [!CAUTION]\n> ${oneLine(options.refused)}`, "");
  out.push(totalsLine(report), "");
  const withChanges = groups.filter((group) => group.status !== "unchanged");
  const open = withChanges.length <= 5;
  for (const group of withChanges) out.push(...groupSection(group, report.mode, detail, open));
  const unchanged = groups.filter((group) => group.status === "unchanged").flatMap((group) => group.hosts);
  if (unchanged.length)
    out.push(
      ...unchangedSection(
        unchanged.map((host) => host.name),
        report.mode,
        detail,
      ),
    );
  if (report.hosts.length > 1) out.push(...rollups(report));
  const chart = options.timing && detail.hostNames > 0 ? renderTimingChart(report) : undefined;
  if (chart) out.push("**Time per host**", "", chart, "");
  const elided = detail.operations !== "full" || detail.hostNames !== Number.POSITIVE_INFINITY;
  if (elided) out.push(elisionNote(detail, options.runUrl), "");
  if (options.footer) out.push(escapeHtml(options.footer), "");
  out.push(`<sub>Plan digest: \`${report.planDigest}\`</sub>`, "");
  return out.join("\n");
}

function modeMark(report: Report, refused: boolean): string {
  if (refused) return "⛔";
  if (report.mode === "plan") return "📋";
  return report.totals.failed + report.totals.unreachable > 0 ? "❌" : "✅";
}

// "Environment **production** · commit [`abc1234`](…) · [workflow run](…)"
function headerLine(options: MarkdownOptions): string {
  const parts: string[] = [];
  if (options.environment) parts.push(`Environment **${escapeHtml(options.environment)}**`);
  if (options.commit) {
    const short = `\`${options.commit.sha.slice(0, 7)}\``;
    parts.push(`commit ${options.commit.url ? `[${short}](${options.commit.url})` : short}`);
  }
  if (options.runUrl) parts.push(`[workflow run](${options.runUrl})`);
  return parts.join(" · ");
}

function totalsLine(report: Report): string {
  const t = report.totals;
  const verb = report.mode === "plan" ? "to change" : "changed";
  if (t.changed + t.failed + t.unreachable === 0) {
    return `**${plural(t.hosts, "host")}**: nothing ${verb}.`;
  }
  const parts = [`**${t.changed}** ${verb}`, `**${t.unchanged}** unchanged`, `**${t.failed}** failed`];
  if (t.unreachable) parts.push(`**${t.unreachable}** unreachable`);
  return `**${plural(t.hosts, "host")}**: ${parts.join(", ")} — **${plural(t.operationsChanged, "operation")}** ${verb}.`;
}

// "web-01", "web-01, web-02", "web-01 … web-05"
function hostsLabel(names: string[]): string {
  if (names.length <= 2) return names.map(escapeHtml).join(", ");
  return `${escapeHtml(names[0] ?? "")} … ${escapeHtml(names.at(-1) ?? "")}`;
}

function nameList(names: string[], max: number): string {
  if (max <= 0) return "";
  const shown = names.slice(0, max).map((name) => `<code>${escapeHtml(name)}</code>`);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${plural(rest, "more host")}` : shown.join(", ");
}

function groupSection(group: PlanGroup, mode: Report["mode"], detail: Detail, open: boolean): string[] {
  const names = group.hosts.map((host) => host.name);
  const verb = mode === "plan" ? "to change" : "changed";
  const changed = group.operations.filter((o) => o.status === "changed").length;
  const count = names.length > 1 ? ` (${plural(names.length, "host")})` : "";
  const failed = group.operations.filter((o) => o.status === "failed").length;
  const counts = [
    ...(failed ? [`${plural(failed, "operation")} failed`] : []),
    ...(changed || !failed ? [`${plural(changed, "operation")} ${verb}`] : []),
  ].join(", ");
  const what = group.error
    ? `${group.status} — ${oneLine(group.error)}`
    : group.status === "failed"
      ? `failed — ${counts}`
      : counts;
  const out = [
    `<details${open ? " open" : ""}><summary>${statusMark(group.status)} <strong>${hostsLabel(names)}</strong>${count}: ${what}</summary>`,
    "",
  ];
  if (names.length > 2) {
    const list = nameList(names, detail.hostNames);
    if (list) out.push(list, "");
  }
  const shown = group.operations.filter((o) => o.status !== "unchanged");
  const unchanged = group.operations.length - shown.length;
  if (detail.operations !== "none") {
    for (const op of shown) out.push(...operationLines(op, detail));
    if (shown.length) out.push("");
  }
  if (unchanged) out.push(`${plural(unchanged, "operation")} unchanged.`, "");
  out.push("</details>", "");
  return out;
}

function operationLines(op: ReportOperation, detail: Detail): string[] {
  const reason = op.reason ? ` — ${escapeHtml(op.reason)}` : "";
  const exit =
    op.status === "failed" && op.exitCode !== undefined && !op.reason?.includes("exit code")
      ? ` (exit code ${op.exitCode})`
      : "";
  const out = [
    `- ${statusMark(op.status)} **${escapeHtml(operationTitle(op))}** <code>${escapeHtml(op.op)}</code>${reason}${exit}`,
  ];
  if (detail.operations === "full" || detail.operations === "no-diffs") {
    if (op.commands.length) out.push("", codeBlock(op.commands.map(foldCommand).join("\n"), "sh", "  "));
  }
  if (detail.operations !== "none" && op.status === "failed" && op.stderr)
    out.push("", codeBlock(op.stderr, "text", "  "));
  if (detail.operations === "full" && op.diff) out.push("", codeBlock(op.diff, "diff", "  "));
  return out;
}

function unchangedSection(names: string[], mode: Report["mode"], detail: Detail): string[] {
  const what = mode === "plan" ? "No changes" : "Nothing changed";
  const line = `${statusMark("unchanged")} ${what} on ${names.length === 1 ? `<strong>${escapeHtml(names[0] ?? "")}</strong>` : plural(names.length, "host")}`;
  if (names.length === 1) return [`${line}.`, ""];
  const list = nameList(names, detail.hostNames);
  if (!list) return [`${line}.`, ""];
  return [`<details><summary>${line}</summary>`, "", list, "", "</details>", ""];
}

function rollups(report: Report): string[] {
  const out: string[] = [];
  const byGroup = rollUpByGroup(report);
  const verb = report.mode === "plan" ? "to change" : "changed";
  if (byGroup.length > 0) {
    out.push("**By group**", "", `| group | hosts | ${verb} | unchanged | failed |`, "|---|---:|---:|---:|---:|");
    for (const row of byGroup) {
      out.push(`| ${cell(row.group)} | ${row.hosts} | ${row.changed} | ${row.unchanged} | ${row.failed} |`);
    }
    out.push("");
  }
  const byOperation = rollUpByOperation(report);
  if (byOperation.length > 0) {
    const would = report.mode === "plan" ? "would change" : "changed";
    out.push("**By operation**", "");
    for (const row of byOperation) {
      const parts = [];
      if (row.changed) parts.push(`${would} on ${plural(row.changed, "host")}`);
      if (row.failed) parts.push(`failed on ${plural(row.failed, "host")}`);
      out.push(`- **${escapeHtml(row.name)}** <code>${escapeHtml(row.op)}</code>: ${parts.join(", ")}`);
    }
    out.push("");
  }
  return out;
}

function elisionNote(detail: Detail, runUrl: string | undefined): string {
  const what =
    detail.operations === "no-diffs"
      ? "Diffs"
      : detail.operations === "no-commands"
        ? "Diffs and commands"
        : detail.hostNames === Number.POSITIVE_INFINITY
          ? "The operations"
          : "The operations and some host names";
  const where = runUrl ? `the [run's log and report](${runUrl})` : "the run's log and report";
  return `> [!NOTE]\n> ${what} were left out to stay within GitHub's size limit. The full plan is in ${where}.`;
}

function statusMark(status: string): string {
  return { changed: "🟡", unchanged: "⚪", failed: "🔴", unreachable: "🔴", skipped: "⏭️" }[status] ?? "";
}

// A fenced block whose fence cannot be closed by the content, indented for a list item.
function codeBlock(text: string, language: string, indent: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return [
    `${indent}${fence}${language}`,
    ...text
      .replace(/\n$/, "")
      .split("\n")
      .map((line) => `${indent}${line}`),
    `${indent}${fence}`,
  ].join("\n");
}

// Escapes text for HTML and Markdown contexts (names and errors are user-given).
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Escaped text on one line (an error in a summary or a note).
function oneLine(text: string): string {
  return escapeHtml(text).replace(/\s*\r?\n\s*/g, " ");
}

// A table cell: escaped, without pipes or line breaks.
function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
