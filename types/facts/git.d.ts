/** The arguments of the GitTrackingBranch fact. */
export interface GitTrackingBranchArgs {
    /** The repository's (or working tree's) directory. */
    repo: string;
}
/**
 * The remote branch the checked-out branch tracks ("origin/main"), or null (none, or no repository).
 * `await host.getFact("GitTrackingBranch", { repo })`.
 */
export declare const GitTrackingBranch: import("./fact.js").Fact<GitTrackingBranchArgs, string | null>;
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
export declare const GitWorktree: import("./fact.js").Fact<GitWorktreeArgs, false | GitWorktreeState | null>;
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
export declare const GitSubmodules: import("./fact.js").Fact<GitSubmodulesArgs, string[] | null>;
