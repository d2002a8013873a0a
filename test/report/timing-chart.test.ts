// The job summary's timing picture, read back with Mermaid's own parser and Gantt model (the `mermaid`
// package, in a jsdom window as a browser would give it): the chart parses, and each bar starts and ends
// where the report says the host's stage did, for a few hosts (a row each) and for many (grouped).
import { JSDOM } from "jsdom";
import { beforeAll, expect, test } from "vitest";
import { renderMarkdown } from "../../src/report/markdown.js";
import type { HostPhase, Report, ReportHost } from "../../src/report/report.js";
import { reportTotals } from "../../src/report/report.js";
import { renderTimingChart } from "../../src/report/timing-chart.js";

interface GanttTask {
  task: string;
  section: string;
  startTime: Date;
  endTime: Date;
}
let mermaid: {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: { getTasks(): GanttTask[] } }> };
};

beforeAll(async () => {
  // Mermaid sanitises labels with DOMPurify, which needs a window.
  (globalThis as { window?: unknown }).window = new JSDOM("").window;
  mermaid = (await import("mermaid")).default as unknown as typeof mermaid;
});

const timing = (offset: number): HostPhase[] => [
  { phase: "connect", startMs: offset, durationMs: 120 },
  { phase: "deploy", startMs: offset + 120, durationMs: 30 },
  { phase: "facts", startMs: offset + 150, durationMs: 400 },
  { phase: "plan", startMs: offset + 550, durationMs: 0 },
  { phase: "apply", startMs: offset + 2_000, durationMs: 1_500 },
];
const host = (name: string, group: string, offset: number): ReportHost => ({
  name,
  groups: [group],
  connector: "ssh",
  status: "changed",
  durationMs: 2_050,
  executions: 2,
  timing: timing(offset),
  operations: [],
});
const report = (hosts: ReportHost[]): Report => ({
  version: 1,
  mode: "apply",
  startedAt: "2026-12-02T10:00:00.000Z",
  durationMs: 5_000,
  planDigest: "0".repeat(64),
  hosts,
  totals: reportTotals(hosts),
});

// The chart's mermaid source, parsed, as Mermaid's Gantt model holds it.
async function readChart(markdown: string) {
  const source = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
  expect(source).toBeDefined();
  await mermaid.parse(source ?? "");
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source ?? "");
  return diagram.db.getTasks().map((t) => ({
    section: t.section,
    task: t.task.trim(),
    start: t.startTime.getTime(),
    end: t.endTime.getTime(),
  }));
}

test("a few hosts: one section per host, one bar per stage, where the report puts it", async () => {
  const hosts = [host("web-01", "web", 0), host("@docker/debian:bookworm #1; <b>x</b>", "web", 40)];
  const markdown = renderMarkdown(report(hosts), { title: "apply", limit: 1_000_000, timing: true });
  expect(markdown).toContain("**Time per host**");
  const tasks = await readChart(markdown);
  expect(tasks).toHaveLength(10);
  expect(tasks.slice(0, 5)).toEqual([
    { section: "web-01", task: "connect", start: 0, end: 120 },
    { section: "web-01", task: "deploy", start: 120, end: 150 },
    { section: "web-01", task: "facts", start: 150, end: 550 },
    { section: "web-01", task: "plan", start: 550, end: 551 },
    { section: "web-01", task: "apply", start: 2_000, end: 3_500 },
  ]);
  expect(new Set(tasks.slice(5).map((t) => t.section)).size).toBe(1);
  expect(tasks[5]?.section).not.toMatch(/[:#;<>]/);
  expect(tasks[9]).toMatchObject({ task: "apply", start: 2_040, end: 3_540 });
});

test("a large run is grouped by inventory group: each stage from its first start to its last end", async () => {
  const hosts = [
    ...Array.from({ length: 40 }, (_, i) => host(`web-${i}`, "web", i * 10)),
    ...Array.from({ length: 20 }, (_, i) => host(`db-${i}`, "db", 500 + i)),
  ];
  const tasks = await readChart(renderTimingChart(report(hosts)) ?? "");
  expect(new Set(tasks.map((t) => t.section))).toEqual(new Set(["web (40 hosts)", "db (20 hosts)"]));
  expect(tasks.find((t) => t.section === "web (40 hosts)" && t.task === "connect (40)")).toEqual({
    section: "web (40 hosts)",
    task: "connect (40)",
    start: 0,
    end: 390 + 120,
  });
  expect(tasks.find((t) => t.section === "db (20 hosts)" && t.task === "apply (20)")).toMatchObject({
    start: 2_500,
    end: 2_519 + 1_500,
  });
});

test("no timing (a report from before it existed): no chart", () => {
  const old = { ...host("web-01", "web", 0), timing: undefined };
  expect(renderTimingChart(report([old]))).toBeUndefined();
  expect(renderMarkdown(report([old]), { title: "apply", limit: 100_000, timing: true })).not.toContain("mermaid");
});
