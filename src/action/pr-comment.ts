// The sticky PR comment: one per (workflow, job, inventory), found by its hidden marker across every
// page of comments and written by the same author, created once and then edited in place. Every API
// call goes through the retry helper.
import * as core from "@actions/core";
import * as github from "@actions/github";
import { displayPath } from "../util/display-path.js";
import { ApiRetriesExhausted, defaultRetryPolicy, type RetryPolicy, withRetries } from "./retry.js";

type Octokit = ReturnType<typeof github.getOctokit>;

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

// An API client whose every request (pages included) is retried on 5xx answers and rate limits.
export function createGitHubClient(token: string, policy: RetryPolicy = defaultRetryPolicy(core.info)): Octokit {
  const octokit = github.getOctokit(token);
  octokit.hook.wrap("request", (request, options) => withRetries(async () => request(options), policy));
  return octokit;
}

// The pull request this run is for, or undefined (a push, a schedule).
export function pullRequestTarget(): CommentTarget | undefined {
  const pull = github.context.payload.pull_request;
  if (!pull) return undefined;
  return { owner: github.context.repo.owner, repo: github.context.repo.repo, issueNumber: pull.number };
}

// The hidden first line that finds this (workflow, job, inventory)'s comment again.
export function commentMarker(inventory: string): string {
  const { workflow, job } = github.context;
  return `<!-- infra-action:${workflow}:${job}:${displayPath(inventory)} -->`;
}

// The job the run is (its id in the workflow), shown as where the plan is for.
export function jobName(): string {
  return github.context.job;
}

// The link to this workflow run.
export function runUrl(): string {
  const { serverUrl, repo, runId } = github.context;
  return `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
}

// The commit the run is for (the pull request's head, else GITHUB_SHA) and its page.
export function runCommit(): { sha: string; url: string } | undefined {
  const head = github.context.payload.pull_request?.head?.sha;
  const sha = typeof head === "string" && head ? head : github.context.sha;
  if (!sha) return undefined;
  const { serverUrl, repo } = github.context;
  return { sha, url: `${serverUrl}/${repo.owner}/${repo.repo}/commit/${sha}` };
}

// The pull request a pushed commit came from (its merge commit, else the first one GitHub lists), or
// undefined: none, or the API could not tell (said in the log, never a failure).
export async function pullRequestOfCommit(octokit: Octokit, sha: string): Promise<CommentTarget | undefined> {
  const { owner, repo } = github.context.repo;
  try {
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha });
    const pull = data.find((p) => p.merge_commit_sha === sha) ?? data[0];
    if (!pull) {
      core.info(`Commit ${sha.slice(0, 7)} came from no pull request: the apply result is in the job summary only.`);
      return undefined;
    }
    return { owner, repo, issueNumber: pull.number };
  } catch (error) {
    core.warning(
      `Could not find the pull request of commit ${sha.slice(0, 7)}: ${describeFailure(error, "apply result")}. The result is in the job summary.`,
    );
    return undefined;
  }
}

// Creates or updates the comment; a missing permission, a rate limit or an API outage is a warning,
// never a failure.
export async function upsertComment(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  body: string,
  what: "plan" | "apply result" = "plan",
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
      core.info(`Updated the ${what} comment on #${target.issueNumber}.`);
    } else {
      await octokit.rest.issues.createComment({
        owner: target.owner,
        repo: target.repo,
        issue_number: target.issueNumber,
        body,
      });
      core.info(`Commented the ${what} on #${target.issueNumber}.`);
    }
  } catch (error) {
    core.warning(
      `Could not comment the ${what} on #${target.issueNumber}: ${describeFailure(error, what)}. The ${what === "plan" ? "plan" : "result"} is in the job summary.`,
    );
  }
}

// Why a comment call failed, in the words a user acts on.
function describeFailure(error: unknown, what: string): string {
  if (error instanceof ApiRetriesExhausted) {
    const { failure } = error;
    if (failure.kind === "rate-limit") {
      const when = failure.retryAt ? `after ${new Date(failure.retryAt).toISOString().slice(11, 16)} UTC` : "later";
      return `GitHub API rate limit hit; the ${what} comment was not updated; retry ${when} (re-run the job)`;
    }
    return `the GitHub API answered ${failure.status} ${error.attempts} times; the ${what} comment was not updated; re-run the job to try again`;
  }
  const status = (error as { status?: number }).status;
  if (status === 403 || status === 404)
    return "the token may not write to pull requests (pull requests from forks get a read-only token; give the job `permissions: pull-requests: write`)";
  return (error as Error).message;
}

// The login comments are written as: the token's user, else the Actions bot (an app token cannot
// ask who it is).
async function authorLogin(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    // A rate limit or an outage here would fail the next call too: say so there, not as a permission.
    if (error instanceof ApiRetriesExhausted) throw error;
    return "github-actions[bot]";
  }
}

// Whether to comment: `auto` comments on pull requests only.
export function commentWanted(prComment: boolean | "auto", target: CommentTarget | undefined): boolean {
  return prComment === "auto" ? Boolean(target) : prComment;
}
