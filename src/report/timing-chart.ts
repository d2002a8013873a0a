// The job summary's timing picture: a Mermaid Gantt chart of each host's stages (connect, deploy code,
// facts, plan, apply) on the run's clock. Up to `perHost` hosts get a row each; a larger run is grouped
// by inventory group, each stage drawn from its earliest start to its latest end among the group's hosts.
import type { HostPhase, HostPhaseName, Report, ReportHost } from "./report.js";

const perHost = 30;
const order: HostPhaseName[] = ["connect", "deploy", "facts", "plan", "apply"];

// A label Mermaid's Gantt grammar reads as plain text: no `:`, `#`, `;`, markup or line breaks.
function label(text: string): string {
  const cleaned = text.replace(/[^\p{L}\p{N} ._@/+=,()[\]-]/gu, "_").trim();
  return cleaned || "_";
}

// One row per stage: `name :start, end` in milliseconds (dateFormat x); a stage is at least 1 ms wide.
function taskLines(phases: Array<{ phase: string; startMs: number; endMs: number }>): string[] {
  return phases.map(({ phase, startMs, endMs }) => `    ${phase} :${startMs}, ${Math.max(endMs, startMs + 1)}`);
}

function hostRows(host: ReportHost): string[] {
  const phases = (host.timing ?? []).map((p: HostPhase) => ({
    phase: p.phase,
    startMs: p.startMs,
    endMs: p.startMs + p.durationMs,
  }));
  return [`  section ${label(host.name)}`, ...taskLines(phases)];
}

function groupRows(group: string, hosts: ReportHost[]): string[] {
  const phases = order.flatMap((phase) => {
    const spans = hosts.flatMap((host) => (host.timing ?? []).filter((p) => p.phase === phase));
    if (spans.length === 0) return [];
    const startMs = Math.min(...spans.map((p) => p.startMs));
    const endMs = Math.max(...spans.map((p) => p.startMs + p.durationMs));
    return [{ phase: `${phase} (${spans.length})`, startMs, endMs }];
  });
  return [`  section ${label(group)} (${hosts.length} hosts)`, ...taskLines(phases)];
}

// The chart as a ```mermaid block, or undefined when no host has timing.
export function renderTimingChart(report: Report): string | undefined {
  const timed = report.hosts.filter((host) => host.timing?.length);
  if (timed.length === 0) return undefined;
  const lines = [
    "```mermaid",
    "gantt",
    "  title Time per host (mm:ss from the start of the run)",
    "  dateFormat x",
    "  axisFormat %M:%S",
  ];
  if (timed.length <= perHost) {
    for (const host of timed) lines.push(...hostRows(host));
  } else {
    const groups = new Map<string, ReportHost[]>();
    for (const host of timed) {
      const group = host.groups[0] ?? "ungrouped";
      groups.set(group, [...(groups.get(group) ?? []), host]);
    }
    for (const [group, hosts] of groups) lines.push(...groupRows(group, hosts));
  }
  lines.push("```");
  return lines.join("\n");
}
