// The plan or apply as Markdown, for the job summary and the PR comment: totals, a table of hosts,
// then per host a collapsible list of operations with diffs. Everything user-given is escaped, and
// detail is elided (and said so) to stay under a size limit.
import type { Report, ReportHost, ReportOperation } from "./report.js";

export interface MarkdownOptions {
  // "Plan for inventory/production.ts"
  title: string;
  // Most characters the result may have.
  limit: number;
  // A link to the run, shown when detail was elided.
  runUrl?: string;
  // Hidden first line (the sticky comment's marker).
  marker?: string;
}

type Detail = "full" | "no-diffs" | "no-commands" | "no-operations";

// Renders the report at the most detail that fits the limit.
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  for (const detail of ["full", "no-diffs", "no-commands", "no-operations"] as const) {
    const text = render(report, options, detail, report.hosts.length);
    if (text.length <= options.limit) return text;
  }
  // Still too long: fewer host rows, halving until it fits.
  let rows = report.hosts.length;
  while (rows > 0) {
    rows = Math.floor(rows / 2);
    const text = render(report, options, "no-operations", rows);
    if (text.length <= options.limit) return text;
  }
  return render(report, options, "no-operations", 0).slice(0, options.limit);
}

function render(report: Report, options: MarkdownOptions, detail: Detail, rows: number): string {
  const t = report.totals;
  const verb = report.mode === "plan" ? "to change" : "changed";
  const out: string[] = [];
  if (options.marker) out.push(options.marker);
  out.push(`### ${escapeHtml(options.title)}`, "");
  out.push(
    `**${t.hosts}** hosts: **${t.changed}** ${verb}, **${t.unchanged}** unchanged, **${t.failed}** failed, **${t.unreachable}** unreachable — **${t.operationsChanged}** operations ${verb}.`,
    "",
  );
  out.push("| host | status | changed | unchanged | failed | time |", "|---|---|---:|---:|---:|---:|");
  for (const host of report.hosts.slice(0, rows)) {
    const count = (status: ReportOperation["status"]) => host.operations.filter((o) => o.status === status).length;
    out.push(
      `| ${cell(host.name)} | ${statusMark(host.status)} ${host.status} | ${count("changed")} | ${count("unchanged")} | ${count("failed")} | ${(host.durationMs / 1000).toFixed(1)}s |`,
    );
  }
  if (rows < report.hosts.length) out.push(`| … ${report.hosts.length - rows} more hosts | | | | | |`);
  out.push("");
  if (detail !== "no-operations") {
    for (const host of report.hosts.slice(0, rows)) out.push(...hostDetails(host, report.mode, detail));
  }
  if (detail !== "full" || rows < report.hosts.length) {
    const what =
      detail === "no-diffs" ? "diffs" : detail === "no-commands" ? "diffs and commands" : "the per-host detail";
    out.push(
      `> [!NOTE]\n> ${what[0]?.toUpperCase()}${what.slice(1)} ${rows < report.hosts.length ? "and some hosts " : ""}were left out to stay within GitHub's size limit.${options.runUrl ? ` The full plan is in the [run's log and report](${options.runUrl}).` : " The full plan is in the run's log and report."}`,
      "",
    );
  }
  out.push(`<sub>Plan digest: \`${report.planDigest}\`</sub>`, "");
  return out.join("\n");
}

function hostDetails(host: ReportHost, mode: Report["mode"], detail: Detail): string[] {
  const shown = host.operations.filter((o) => o.status !== "unchanged");
  const unchanged = host.operations.length - shown.length;
  const out = [
    `<details><summary><strong>${escapeHtml(host.name)}</strong>: ${host.status}${host.error ? ` — ${escapeHtml(host.error)}` : ""}</summary>`,
    "",
  ];
  if (shown.length === 0)
    out.push(
      `Nothing ${mode === "plan" ? "to change" : "changed"}${unchanged ? ` (${unchanged} operations unchanged)` : ""}.`,
      "",
    );
  for (const op of shown) {
    const reason = op.reason && op.status !== "changed" ? ` — ${escapeHtml(op.reason)}` : "";
    out.push(`- ${statusMark(op.status)} **${escapeHtml(op.name)}** <code>${escapeHtml(op.op)}</code>${reason}`);
    if (detail === "full" || detail === "no-diffs") {
      if (op.commands.length) out.push("", codeBlock(op.commands.join("\n"), "sh", "  "));
      if (op.status === "failed" && op.stderr) out.push("", codeBlock(op.stderr, "text", "  "));
    }
    if (detail === "full" && op.diff) out.push("", codeBlock(op.diff, "diff", "  "));
  }
  if (shown.length && unchanged) out.push("", `${unchanged} operations unchanged.`);
  out.push("", "</details>", "");
  return out;
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

// A table cell: escaped, without pipes or line breaks.
function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
