// Facts about git working trees (git.worktree) and submodules (git.repo's update_submodules).
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, lines, unreadable } from "./fact.js";
import { cannotRead, saysMissing } from "./stderr.js";

/** The arguments of the GitTrackingBranch fact. */
export interface GitTrackingBranchArgs {
  /** The repository's (or working tree's) directory. */
  repo: string;
}

/**
 * The remote branch the checked-out branch tracks ("origin/main"), or null (none, or no repository).
 * `await host.getFact("GitTrackingBranch", { repo })`.
 */
export const GitTrackingBranch = defineFact<GitTrackingBranchArgs, string | null>({
  name: "GitTrackingBranch",
  description: "the remote branch a repository's checked-out branch tracks",
  arguments: { repo: { type: "string", required: true, description: "the repository's directory" } },
  // (exit 3: no such directory, or not a repository: nothing is tracked there)
  command: ({ repo }) => {
    const r = shellQuote(repo);
    return `[ -d ${r} ] || exit 3; LC_ALL=C git -C ${r} rev-parse --git-dir >/dev/null || exit 4; git -C ${r} rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null || true`;
  },
  parse: ({ stdout, stderr, exitCode }, { repo }) => {
    if (exitCode === 3) return null;
    if (exitCode === 4)
      return /not a git repository/.test(stderr) && !/Permission denied/.test(stderr)
        ? null
        : unreadable(cannotRead(`the git repository ${repo}`, stderr));
    return stdout.trim() || null;
  },
});

/** What the GitWorktree fact gives about an existing directory. */
export interface GitWorktreeState {
  /** Whether the directory is a git working tree. */
  gitWorkTree: boolean;
  /** HEAD's commit, or null. */
  head: string | null;
  /** The remote branch the checked-out branch tracks ("origin/main"), or null. */
  tracking: string | null;
  /** The commit the remote branch (the asked one, else the tracked one) points at, or null. */
  remoteHead: string | null;
}

/** The arguments of the GitWorktree fact. */
export interface GitWorktreeArgs {
  /** The working tree's directory. */
  worktree: string;
  /** A remote to look the branch up on (with `branch`); default the tracked branch's remote. */
  remote?: string;
  /** A branch of `remote`. */
  branch?: string;
}

/**
 * A working tree's HEAD, tracked branch and the remote branch's commit: null when the directory is
 * missing, false when the path is not a directory. `await host.getFact("GitWorktree", { worktree })`.
 */
export const GitWorktree = defineFact<GitWorktreeArgs, GitWorktreeState | false | null>({
  name: "GitWorktree",
  description: "a git working tree's HEAD, tracked branch and the remote branch's commit",
  arguments: {
    worktree: { type: "string", required: true, description: "the working tree's directory" },
    remote: { type: "string", description: "a remote to look the branch up on (with branch)" },
    branch: { type: "string", description: "a branch of remote" },
  },
  command: ({ worktree, remote, branch }) => {
    const w = shellQuote(worktree);
    const lookup =
      remote && branch
        ? `git -C ${w} ls-remote -- ${shellQuote(remote)} ${shellQuote(`refs/heads/${branch}`)}`
        : // The tracked branch's remote and ref, as git config holds them (remote "." is a local branch).
          `{ b=$(git -C ${w} symbolic-ref -q --short HEAD) && r=$(git -C ${w} config --get "branch.$b.remote") && m=$(git -C ${w} config --get "branch.$b.merge") && git -C ${w} ls-remote -- "$r" "$m"; }`;
    return [
      `[ -d ${w} ] || { LC_ALL=C stat -c %F -- ${w} >/dev/null; exit 3; }`,
      // (a directory inside another repository's tree is not a working tree of its own)
      `t=$(LC_ALL=C git -C ${w} rev-parse --show-toplevel) && [ "$t" = "$(cd ${w} && pwd -P)" ] || exit 4`,
      `git -C ${w} rev-parse HEAD 2>/dev/null || echo`,
      `git -C ${w} rev-parse --abbrev-ref --symbolic-full-name '@{upstream}' 2>/dev/null || echo`,
      `${lookup} 2>/dev/null | cut -f1 | head -n1`,
    ].join("; ");
  },
  parse: ({ stdout, stderr, exitCode }, { worktree }) => {
    if (exitCode === 3) {
      if (saysMissing(stderr)) return null;
      return stderr.trim() ? unreadable(cannotRead(worktree, stderr, "stat")) : false;
    }
    if (exitCode === 4) {
      if (
        !stderr.trim() ||
        (/not a git repository|must be run in a work tree/.test(stderr) && !/Permission denied/.test(stderr))
      )
        return { gitWorkTree: false, head: null, tracking: null, remoteHead: null };
      return unreadable(cannotRead(`the git working tree ${worktree}`, stderr));
    }
    const [head = "", tracking = "", remoteHead = ""] = stdout.split("\n").map((l) => l.trim());
    return { gitWorkTree: true, head: head || null, tracking: tracking || null, remoteHead: remoteHead || null };
  },
});

/** The arguments of the GitSubmodules fact. */
export interface GitSubmodulesArgs {
  /** The repository's directory. */
  repo: string;
  /** Also the submodules of submodules. */
  recursive?: boolean;
}

/**
 * The submodules of a clone that `git submodule update --init` would change (not initialised, at
 * another commit, or in conflict), by path; null when there is no clone.
 * `await host.getFact("GitSubmodules", { repo, recursive })`.
 */
export const GitSubmodules = defineFact<GitSubmodulesArgs, string[] | null>({
  name: "GitSubmodules",
  description: "a clone's submodules that are not initialised or not at their recorded commit",
  arguments: {
    repo: { type: "string", required: true, description: "the repository's directory" },
    recursive: { type: "boolean", description: "also the submodules of submodules" },
  },
  command: ({ repo, recursive }) => {
    const r = shellQuote(repo);
    return `[ -d ${r} ] || exit 3; LC_ALL=C git -C ${r} submodule status${recursive ? " --recursive" : ""}`;
  },
  parse: ({ stdout, stderr, exitCode }, { repo }) => {
    if (exitCode === 3) return null;
    if (exitCode !== 0)
      return /not a git repository/.test(stderr) && !/Permission denied/.test(stderr)
        ? null
        : unreadable(cannotRead(`the submodules of ${repo}`, stderr));
    // "-<sha> path" (not initialised), "+<sha> path (desc)" (another commit), "U<sha> path" (conflict).
    const stale: string[] = [];
    for (const line of lines(stdout)) {
      const match = /^([-+U ])[0-9a-f]+ (.+?)(?: \(.*\))?$/.exec(line);
      if (match?.[2] && match[1] !== " ") stale.push(match[2]);
    }
    return stale;
  },
});
