/** The arguments of the SystemdStatus and SystemdEnabled facts (pyinfra's names). */
export interface SystemdArgs {
    /** The user's service manager (systemctl --user) instead of the system's. */
    user_mode?: boolean;
    /** Another machine or container (systemctl --machine). */
    machine?: string;
    /** With user_mode: that user's manager (needs root: `_sudo`). */
    user_name?: string;
}
export declare function systemctlCommand({ user_mode, machine, user_name }?: SystemdArgs): string;
/**
 * systemd units by name: true when active.
 * `await host.getFact("SystemdStatus", { user_mode, machine, user_name })`; no arguments for the system's.
 */
export declare const SystemdStatus: import("./fact.js").Fact<SystemdArgs | undefined, Record<string, boolean>>;
/**
 * systemd unit files by name: true when enabled.
 * `await host.getFact("SystemdEnabled", { user_mode, machine, user_name })`; no arguments for the system's.
 */
export declare const SystemdEnabled: import("./fact.js").Fact<SystemdArgs | undefined, Record<string, boolean>>;
/** The arguments of the GitBranch fact. */
export interface GitBranchArgs {
    /** The repository's directory. */
    repo: string;
}
/**
 * The checked-out branch of a repository, or null when there is no repository there.
 * `await host.getFact("GitBranch", { repo })`.
 */
export declare const GitBranch: import("./fact.js").Fact<GitBranchArgs, string | null>;
/** What the GitRepo fact gives: a clone's state and its remote branch's commit. */
export interface GitRepoState {
    /** Whether dest holds a git repository. */
    exists: boolean;
    /** The URL of its `origin` remote, or null. */
    remote: string | null;
    /** The branch checked out, or null. */
    branch: string | null;
    /** HEAD's commit, or null. */
    head: string | null;
    /** The commit the remote's branch (its HEAD when no branch is asked for) points at, or null. */
    remoteHead: string | null;
}
/** The arguments of the GitRepo fact. */
export interface GitRepoArgs {
    /** The clone's directory. */
    dest: string;
    /** The branch whose remote commit to look up. */
    branch?: string;
}
/**
 * A clone's remote, branch and HEAD, and the remote branch's commit, for git.repo.
 * `await host.getFact("GitRepo", { dest, branch })`.
 */
export declare const GitRepo: import("./fact.js").Fact<GitRepoArgs, GitRepoState>;
/** The arguments of the GitConfig fact. */
export interface GitConfigArgs {
    /** The repository (default: the global configuration). */
    repo?: string;
}
/**
 * git config values (global, or a repository's own), by key; several values per key are kept.
 * `await host.getFact("GitConfig", { repo })`.
 */
export declare const GitConfig: import("./fact.js").Fact<GitConfigArgs, Record<string, string[]>>;
/** The arguments of the InitdRunning fact. */
export interface InitdRunningArgs {
    /** The init.d script's name. */
    service: string;
}
/**
 * Whether an /etc/init.d service reports running (its status exits 0); null when there is no such script.
 * `await host.getFact("InitdRunning", { service })`.
 */
export declare const InitdRunning: import("./fact.js").Fact<InitdRunningArgs, boolean | null>;
/**
 * TCP ports something listens on (from /proc/net/tcp and tcp6).
 * `await host.getFact("ListeningPorts")`; no arguments.
 */
export declare const ListeningPorts: import("./fact.js").Fact<undefined, number[]>;
