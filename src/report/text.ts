// Plans and apply results as text for terminals and logs (the CLI's output, the action's log): each
// host's changes, then a summary table. Colour only when the caller passes a palette (the CLI, on a
// terminal); the default is plain.
import { plural } from "../util/plural.js";
import { type Palette, paintDiffLine, paintStatus, plainPalette } from "./colour.js";
import { operationTitle, type Report, type ReportHost } from "./report.js";
import { formatTable } from "./table.js";

export interface FormatOptions {
  // Show unified diffs of file content.
  diff: boolean;
  // Show unchanged operations too, with their reasons.
  verbose?: boolean;
  // Colours for diff lines and statuses (default: none).
  palette?: Palette;
}

// One host's operations: what changes (or changed), with commands and optional diffs.
export function formatHost(host: ReportHost, mode: Report["mode"], options: FormatOptions): string {
  const palette = options.palette ?? plainPalette;
  const lines: string[] = [];
  const verb = mode === "plan" ? "would change" : "changed";
  const head =
    host.status === "unreachable"
      ? "unreachable"
      : host.status === "failed"
        ? "failed"
        : `${host.operations.filter((o) => o.status === "changed").length} ${verb}`;
  lines.push(`${host.name}: ${paintStatus(host.status, palette, head)}`);
  if (host.error) lines.push(`  ${palette.failed("error:")} ${host.error}`);
  for (const op of host.operations) {
    if (op.status === "unchanged" && !options.verbose) continue;
    const mark = { changed: mode === "plan" ? "~" : "✓", unchanged: "=", failed: "✗", skipped: "-" }[op.status];
    const reason = op.reason && op.status !== "changed" ? ` (${op.reason})` : "";
    lines.push(`  ${paintStatus(op.status, palette, `${mark} ${operationTitle(op)}`)}${reason}`);
    if (op.status === "changed" || op.status === "failed")
      for (const command of op.commands) lines.push(...commandLines(command));
    if (op.status === "failed" && op.stderr)
      for (const line of op.stderr.split("\n").slice(-10)) lines.push(`      ${palette.failed(`! ${line}`)}`);
    if (options.diff && op.diff && op.status !== "skipped")
      for (const line of op.diff.trimEnd().split("\n")) lines.push(`      ${paintDiffLine(line, palette)}`);
  }
  return `${lines.join("\n")}\n`;
}

// host | status | changed | unchanged | failed | time, then totals ("1 host: …; 2 operations to change.").
export function formatSummary(report: Report, palette: Palette = plainPalette): string {
  const rows = report.hosts.map((host) => {
    const count = (status: string) => String(host.operations.filter((o) => o.status === status).length);
    return [
      host.name,
      host.status,
      count("changed"),
      count("unchanged"),
      count("failed"),
      `${(host.durationMs / 1000).toFixed(1)}s`,
    ];
  });
  const t = report.totals;
  const verb = report.mode === "plan" ? "to change" : "changed";
  const status = 1;
  return [
    ...formatTable(["HOST", "STATUS", "CHANGED", "UNCHANGED", "FAILED", "TIME"], rows, (cell, _row, column) =>
      column === status ? paintStatus(cell, palette) : cell,
    ),
    "",
    `${plural(t.hosts, "host")}: ${t.changed} ${verb}, ${t.unchanged} unchanged, ${t.failed} failed, ${t.unreachable} unreachable; ${plural(t.operationsChanged, "operation")} ${verb}.`,
    `Plan digest: ${report.planDigest}`,
    "",
  ].join("\n");
}

// A command whole, however many lines it has (a heredoc, a script): never cut before what it changes.
function commandLines(command: string): string[] {
  const [first = "", ...rest] = command.replace(/\n$/, "").split("\n");
  return [`      $ ${first}`, ...rest.map((line) => `        ${line}`)];
}
