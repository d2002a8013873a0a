// `mode: merge`: the shard jobs' reports (downloaded artifacts) as one report, one job summary, one
// sticky pull request comment, and the combined outputs, with the digest of the unsharded plan.
import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import type { MarkdownOptions } from "../report/markdown.js";
import { renderMarkdown } from "../report/markdown.js";
import { mergeReports, parseShardReport } from "../report/merge-reports.js";
import { redactDeep } from "../report/redact.js";
import { formatHost, formatSummary } from "../report/text.js";
import { displayPath } from "../util/display-path.js";
import type { RunProgress } from "./failure.js";
import { jobName, runCommit, runUrl } from "./pr-comment.js";
import { commentOnPullRequest, summaryLimit, whatHappensNext, writeOutputs } from "./publish.js";
import { expandReportPaths } from "./report-paths.js";
import type { ActionSettings } from "./settings.js";

// Merges the reports input's files and publishes the result as one run's.
export async function runMerge(settings: ActionSettings, progress: RunProgress): Promise<void> {
  const files = expandReportPaths(settings.reports ?? []);
  core.info(`Merging ${files.length} report${files.length === 1 ? "" : "s"}: ${files.join(", ")}`);
  // Each shard redacted its own report; the secrets given here are redacted once more.
  const report = redactDeep(
    mergeReports(files.map((file) => parseShardReport(readFileSync(file, "utf8"), file))),
    progress.redact,
  );
  progress.hosts = report.hosts.map((h) => h.name);
  core.startGroup(`${report.mode === "plan" ? "Plan" : "Apply"} by host, all shards`);
  for (const host of report.hosts) core.info(formatHost(host, report.mode, { diff: true }));
  core.info(formatSummary(report));
  core.endGroup();

  const where = settings.inventory ? displayPath(settings.inventory) : `${files.length} shard reports`;
  const view: Omit<MarkdownOptions, "limit"> = {
    title: `infra-action ${report.mode} for ${where} (${files.length} shards merged)`,
    runUrl: runUrl(),
    ...(runCommit() ? { commit: runCommit() } : {}),
    environment: jobName(),
    footer: whatHappensNext(report, undefined),
  };
  if (settings.jobSummary)
    await core.summary.addRaw(renderMarkdown(report, { ...view, limit: summaryLimit, timing: true }), true).write();
  await commentOnPullRequest({ ...settings, inventory: settings.inventory || "shards" }, report, view);
  writeOutputs(report);
  progress.stage = "reporting";

  const failed = report.hosts.filter((h) => h.status === "failed" || h.status === "unreachable");
  if (failed.length)
    return core.setFailed(
      `${failed.length} of ${report.hosts.length} hosts failed or were unreachable: ${failed.map((h) => h.name).join(", ")}.`,
    );
  if (settings.failOnChanges && report.totals.operationsChanged > 0)
    core.setFailed(
      `${report.totals.operationsChanged} operations would change (fail-on-changes): the hosts drifted from the deploy files.`,
    );
}
