// Plans and apply results as text for terminals and logs (the CLI's output, the action's log): each
// host's changes, then a summary table.
import type { Report, ReportHost } from "./report.js";
import { formatTable } from "./table.js";

export interface FormatOptions {
  // Show unified diffs of file content.
  diff: boolean;
  // Show unchanged operations too, with their reasons.
  verbose?: boolean;
}

// One host's operations: what changes (or changed), with commands and optional diffs.
export function formatHost(host: ReportHost, mode: Report["mode"], options: FormatOptions): string {
  const lines: string[] = [];
  const verb = mode === "plan" ? "would change" : "changed";
  const head =
    host.status === "unreachable"
      ? "unreachable"
      : host.status === "failed"
        ? "failed"
        : `${host.operations.filter((o) => o.status === "changed").length} ${verb}`;
  lines.push(`${host.name}: ${head}`);
  if (host.error) lines.push(`  error: ${host.error}`);
  for (const op of host.operations) {
    if (op.status === "unchanged" && !options.verbose) continue;
    const mark = { changed: mode === "plan" ? "~" : "✓", unchanged: "=", failed: "✗", skipped: "-" }[op.status];
    lines.push(`  ${mark} ${op.name}${op.reason && op.status !== "changed" ? ` (${op.reason})` : ""}`);
    if (op.status === "changed" || op.status === "failed")
      for (const command of op.commands) lines.push(`      $ ${firstLine(command)}`);
    if (op.status === "failed" && op.stderr)
      for (const line of op.stderr.split("\n").slice(-10)) lines.push(`      ! ${line}`);
    if (options.diff && op.diff && op.status !== "skipped")
      for (const line of op.diff.trimEnd().split("\n")) lines.push(`      ${line}`);
  }
  return `${lines.join("\n")}\n`;
}

// host | status | changed | unchanged | failed | time, then totals.
export function formatSummary(report: Report): string {
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
  return [
    ...formatTable(["HOST", "STATUS", "CHANGED", "UNCHANGED", "FAILED", "TIME"], rows),
    "",
    `${t.hosts} hosts: ${t.changed} ${verb}, ${t.unchanged} unchanged, ${t.failed} failed, ${t.unreachable} unreachable; ${t.operationsChanged} operations ${verb}.`,
    `Plan digest: ${report.planDigest}`,
    "",
  ].join("\n");
}

function firstLine(command: string): string {
  const [first = "", ...rest] = command.split("\n");
  return rest.length ? `${first} …` : first;
}
