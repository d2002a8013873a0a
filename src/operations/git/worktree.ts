// git.worktree: a linked working tree of a repository (git worktree add), kept pulled, or removed.
import { posix } from "node:path";
import { Directory } from "../../facts/files.js";
import { GitWorktree } from "../../facts/git.js";
import { describeValue } from "../../util/describe-value.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  accountName,
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuse,
  refuseOptionLike,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";

const keys = [
  "worktree",
  "repo",
  "detached",
  "new_branch",
  "commitish",
  "pull",
  "rebase",
  "from_remote_branch",
  "present",
  "assume_repo_exists",
  "force",
  "user",
  "group",
];

export const worktree = defineOperation({
  name: "git.worktree",
  description:
    "Add a git working tree of a repository (git worktree add), pull it when its remote branch moved, or remove it (present: false).",
  validate: (args) => readWorktreeArgs(args),
  facts: (args) => [
    { fact: GitWorktree, args: worktreeFactArgs(args) },
    ...(args.present && !args.assumeRepoExists && args.repo
      ? [
          { fact: Directory, args: { path: args.repo } },
          { fact: Directory, args: { path: posix.join(args.repo, ".git") } },
        ]
      : []),
  ],
  plan: (args, facts) => {
    const state = facts.get(GitWorktree, worktreeFactArgs(args));
    const w = shellQuote(args.worktree);
    if (state === false) refuse(`${args.worktree} exists and is not a directory; move it away or change worktree.`);
    if (state && !state.gitWorkTree)
      refuse(`${args.worktree} exists and is not a git working tree; move it away or change worktree.`);
    if (!args.present) {
      if (state === null) return noop(`${args.worktree} does not exist`);
      return change([`git -C ${w} worktree remove${args.force ? " --force" : ""} .`], {
        reason: `remove ${args.worktree}`,
      });
    }
    const repo = args.repo as string;
    if (state === null) {
      // A repo not there at all may be cloned by an earlier operation; a directory without .git is not one.
      const repoMissing = !args.assumeRepoExists && !facts.get(Directory, { path: repo });
      if (!args.assumeRepoExists && !repoMissing && !facts.get(Directory, { path: posix.join(repo, ".git") }))
        refuse(`${repo} is not a git repository (it has no .git directory); clone it first or change repo.`);
      const branch = args.newBranch ? ` -b ${shellQuote(args.newBranch)}` : args.detached ? " --detach" : "";
      const commitish = args.commitish ? ` ${shellQuote(args.commitish)}` : "";
      return change(
        [
          `git -C ${shellQuote(repo)} worktree add --quiet${branch} -- ${w}${commitish}`,
          ...ownershipCommands(args.worktree, null, { user: args.user, group: args.group }, true),
        ],
        { reason: `add ${args.worktree}${repoMissing ? ` (${repo} is not there yet at plan time)` : ""}` },
      );
    }
    if (!args.pull) return noop(`${args.worktree} exists (pull: false)`);
    const from = args.fromRemoteBranch ? `${args.fromRemoteBranch[0]}/${args.fromRemoteBranch[1]}` : state.tracking;
    if (!from) return noop(`${args.worktree} exists and tracks no remote branch to pull`);
    if (state.remoteHead !== null && state.remoteHead === state.head)
      return noop(`${args.worktree} is at ${from} (${state.head?.slice(0, 12)})`);
    const source = args.fromRemoteBranch ? ` ${args.fromRemoteBranch.map(shellQuote).join(" ")}` : "";
    return change([`git -C ${w} pull --quiet ${args.rebase ? "--rebase" : "--ff-only"}${source}`], {
      reason: `pull ${from}`,
    });
  },
});

type WorktreeArgs = ReturnType<typeof readWorktreeArgs>;

// The GitWorktree fact's arguments: the remote branch to compare with, when one is given.
function worktreeFactArgs(args: WorktreeArgs) {
  const [remote, branch] = args.fromRemoteBranch ?? [];
  return { worktree: args.worktree, ...(remote && branch ? { remote, branch } : {}) };
}

// from_remote_branch: a [remote, branch] pair, as ["origin", "main"].
function remoteBranchArg(value: unknown): [string, string] | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((part) => typeof part === "string" && part !== "" && !part.startsWith("-"))
  )
    throw new OperationArgumentError(
      `argument from_remote_branch must be a [remote, branch] pair such as ["origin", "main"]; it is ${describeValue(value)}.`,
    );
  return [value[0], value[1]];
}

// Checks and normalises the arguments.
function readWorktreeArgs(args: Record<string, unknown>) {
  rejectUnknown(args, keys, "git.worktree");
  const present = booleanArg(args, "present", true);
  const repo = optionalString(args, "repo");
  const assumeRepoExists = booleanArg(args, "assume_repo_exists", false);
  if (present && !repo)
    throw new OperationArgumentError(
      "git.worktree needs repo (the main repository's directory) to add a working tree.",
    );
  const newBranch = optionalString(args, "new_branch");
  refuseOptionLike(newBranch, "new_branch", "give the branch's name (git refuses names starting with -).");
  const commitish = optionalString(args, "commitish");
  refuseOptionLike(commitish, "commitish", "give a commit, branch or tag.");
  return {
    worktree: requiredString(args, "worktree"),
    repo,
    detached: booleanArg(args, "detached", false),
    newBranch,
    commitish,
    pull: booleanArg(args, "pull", true),
    rebase: booleanArg(args, "rebase", false),
    fromRemoteBranch: remoteBranchArg(args.from_remote_branch),
    present,
    assumeRepoExists,
    force: booleanArg(args, "force", false),
    user: accountName(args, "user"),
    group: accountName(args, "group"),
  };
}
