import * as core from "@actions/core";
import { isUserError } from "../errors.js";
import { renderFailureMarkdown } from "../report/failure-markdown.js";
import { type Report, reportTotals } from "../report/report.js";
import { displayPath } from "../util/display-path.js";
import {
  commentMarker,
  commentWanted,
  createGitHubClient,
  pullRequestTarget,
  runCommit,
  runUrl,
  upsertComment,
} from "./pr-comment.js";
import { writeReportFile } from "./report-file.js";
import type { FailureSettings } from "./settings.js";

// How far the run got: "setup" (inputs, inventory), "planning" (the engine ran), "reporting" (the
// report was written out already).
export type RunStage = "setup" | "planning" | "reporting";

export interface RunProgress {
  stage: RunStage;
  // The inventory's hosts, once loaded.
  hosts?: string[];
  redact: (text: string) => string;
}

// Writes what is known about the failed run and fails the step; never throws.
export async function reportFailure(error: unknown, progress: RunProgress, settings: FailureSettings): Promise<void> {
  const message = progress.redact(describeError(error));
  if (!isUserError(error) && error instanceof Error && error.stack) {
    core.startGroup("Internal error details");
    core.info(progress.redact(error.stack));
    core.endGroup();
  }
  if (progress.stage !== "reporting") {
    try {
      await writeFailure(message, progress, settings);
    } catch (writeError) {
      core.warning(
        progress.redact(`Could not write the failure to the summary or outputs: ${describeError(writeError)}`),
      );
    }
  }
  core.setFailed(message);
}

async function writeFailure(message: string, progress: RunProgress, settings: FailureSettings): Promise<void> {
  const report = failureReport(settings.mode, progress.hosts ?? [], message);
  const file = writeReportFile(report);
  core.setOutput("failed-hosts", report.hosts.map((h) => h.name).join(","));
  core.setOutput("report", file);
  const title = `infra-action ${settings.mode}${settings.inventory ? ` for ${displayPath(settings.inventory)}` : ""}`;
  const commit = runCommit();
  const view = {
    title,
    stage: progress.stage,
    ...(progress.hosts ? { hosts: progress.hosts } : {}),
    ...(commit ? { commit } : {}),
    runUrl: runUrl(),
  };
  if (settings.jobSummary)
    await core.summary.addRaw(renderFailureMarkdown(message, { ...view, forComment: false }), true).write();
  const target = pullRequestTarget();
  const wanted = commentWanted(settings.prComment, target);
  // Without an inventory input there is no marker to find the comment by. A shard job never
  // comments: the merge job speaks for all shards (and fails on a shard that left no report).
  if (core.getInput("shard")) return;
  if (!wanted || !target || !settings.githubToken || !settings.inventory) return;
  const marker = commentMarker(settings.inventory);
  const body = `${marker}\n${renderFailureMarkdown(message, { ...view, forComment: true })}`;
  await upsertComment(createGitHubClient(settings.githubToken), target, marker, body);
}

// A user's mistake is its message; anything else is named as a bug (its stack goes to the log only).
function describeError(error: unknown): string {
  if (isUserError(error)) return error.message;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `infra-action stopped on an internal error: ${what}. This is a bug in infra-action; please report it with this run's log.`;
}

// A report of the known hosts, each failed with the run's error and no operations.
function failureReport(mode: Report["mode"], hosts: string[], message: string): Report {
  const failed = hosts.map((name) => ({
    name,
    groups: [],
    connector: "",
    status: "failed" as const,
    error: message,
    durationMs: 0,
    executions: 0,
    operations: [],
  }));
  return {
    version: 1,
    mode,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    planDigest: "",
    hosts: failed,
    totals: reportTotals(failed),
  };
}
