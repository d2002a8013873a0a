export declare const worktree: import("../operation.js").Operation<{
    worktree: string;
    repo: string | undefined;
    detached: boolean;
    newBranch: string | undefined;
    commitish: string | undefined;
    pull: boolean;
    rebase: boolean;
    fromRemoteBranch: [string, string] | undefined;
    present: boolean;
    assumeRepoExists: boolean;
    force: boolean;
    user: string | undefined;
    group: string | undefined;
}, undefined>;
