// What a run leaves behind on GitHub: the step outputs, the sticky pull request comment and the
// footer saying what comes next. Shared by plan/apply runs and the merge of shard reports.
import * as core from "@actions/core";
import type { MarkdownOptions } from "../report/markdown.js";
import { renderMarkdown } from "../report/markdown.js";
import type { Report } from "../report/report.js";
import {
  commentMarker,
  commentWanted,
  createGitHubClient,
  pullRequestOfCommit,
  pullRequestTarget,
  upsertComment,
} from "./pr-comment.js";
import { writeReportFile } from "./report-file.js";
import type { ActionSettings } from "./settings.js";

// GitHub's limits: 65,536 characters a comment, 1 MiB a step summary (kept under, with margin).
export const commentLimit = 65_000;
export const summaryLimit = 1_000_000;

// Plans go on the pull request being reviewed; an apply of a pushed commit goes on the pull request the
// commit came from (found through the API), so the plan and its outcome sit in one place.
export async function commentOnPullRequest(
  settings: ActionSettings,
  report: Report,
  view: Omit<MarkdownOptions, "limit">,
): Promise<void> {
  const direct = pullRequestTarget();
  const afterMerge = report.mode === "apply" && !direct && settings.prComment !== false && view.commit;
  if (!commentWanted(settings.prComment, direct) && !afterMerge) return;
  if (!settings.githubToken) return core.warning("pr-comment is on but github-token is empty: no comment.");
  const client = createGitHubClient(settings.githubToken);
  const target = direct ?? (afterMerge && view.commit ? await pullRequestOfCommit(client, view.commit.sha) : undefined);
  if (!target) return core.info("pr-comment is on, but this run is not for a pull request: no comment.");
  const marker = commentMarker(settings.inventory);
  const body = renderMarkdown(report, { ...view, limit: commentLimit, marker });
  await upsertComment(client, target, marker, body, report.mode === "plan" ? "plan" : "apply result");
}

// The footer: what this run did not do and what comes next.
export function whatHappensNext(report: Report, refused: string | undefined): string {
  if (refused) return "Nothing was applied. Review the new plan and approve the apply again.";
  if (report.mode === "apply") return "This is the result of the apply.";
  return "Nothing was changed: this is a plan. After merge, the apply job applies it, once its environment's reviewers approve (if the environment requires it); given this plan's digest as `expected-plan-digest`, it refuses any other plan.";
}

// The step outputs: changed, changed-hosts, failed-hosts, plan-digest and report (the JSON file).
export function writeOutputs(report: Report): void {
  const names = (hosts: Report["hosts"]) => hosts.map((h) => h.name).join(",");
  const file = writeReportFile(report);
  core.setOutput("changed", report.totals.operationsChanged > 0 ? "true" : "false");
  core.setOutput("changed-hosts", names(report.hosts.filter((h) => h.operations.some((o) => o.status === "changed"))));
  core.setOutput(
    "failed-hosts",
    names(report.hosts.filter((h) => h.status === "failed" || h.status === "unreachable")),
  );
  core.setOutput("plan-digest", report.planDigest);
  core.setOutput("report", file);
}
