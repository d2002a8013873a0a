// The sticky PR comment: one per (workflow, job, inventory), found by its hidden marker across every
// page of comments and written by the same author, created once and then edited in place.
import * as core from "@actions/core";
import type * as github from "@actions/github";

type Octokit = ReturnType<typeof github.getOctokit>;

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

// Creates or updates the comment; a missing permission is a warning, never a failure.
export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<void> {
  try {
    const author = await authorLogin(octokit);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
    });
    const existing = comments.find((c) => c.body?.includes(marker) && c.user?.login === author);
    if (existing) {
      await octokit.rest.issues.updateComment({
        owner: target.owner,
        repo: target.repo,
        comment_id: existing.id,
        body,
      });
      core.info(`Updated the plan comment on #${target.issueNumber}.`);
    } else {
      await octokit.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        body,
      });
      core.info(`Commented the plan on #${target.issueNumber}.`);
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    const why =
      status === 403 || status === 404
        ? "the token may not write to pull requests (pull requests from forks get a read-only token; give the job `permissions: pull-requests: write`)"
        : (error as Error).message;
    core.warning(`Could not comment the plan on #${target.issueNumber}: ${why}. The plan is in the job summary.`);
  }
}

// The login comments are written as: the token's user, else the Actions bot (an app token cannot
// ask who it is).
async function authorLogin(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return "github-actions[bot]";
  }
}
