// Facts about services (systemd) and git repositories.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, type FactOutput, lines, unreadable } from "./fact.js";
import { cannotRead, saysMissing } from "./stderr.js";

/** The arguments of the SystemdStatus and SystemdEnabled facts (pyinfra's names). */
export interface SystemdArgs {
  /** The user's service manager (systemctl --user) instead of the system's. */
  user_mode?: boolean;
  /** Another machine or container (systemctl --machine). */
  machine?: string;
  /** With user_mode: that user's manager (needs root: `_sudo`). */
  user_name?: string;
}

const systemdArguments = {
  user_mode: { type: "boolean", description: "the user's service manager (systemctl --user)" },
  machine: { type: "string", description: "another machine or container (systemctl --machine)" },
  user_name: { type: "string", description: "that user's service manager (needs root)" },
} as const;

// The systemctl command for a manager: the system's, a user's (`--user`; with user_name, run as that
// user with its XDG_RUNTIME_DIR, where its manager listens), or a machine's (`--machine=[user@]machine`).
export function systemctlCommand({ user_mode, machine, user_name }: SystemdArgs = {}): string {
  const user = user_mode === true || user_name !== undefined;
  if (machine !== undefined)
    return `systemctl${user ? " --user" : ""} --machine=${shellQuote(user_name ? `${user_name}@${machine}` : machine)}`;
  if (user_name !== undefined) {
    const name = shellQuote(user_name);
    return `runuser -u ${name} -- env "XDG_RUNTIME_DIR=/run/user/$(id -u ${name})" systemctl --user`;
  }
  return user ? "systemctl --user" : "systemctl";
}

/**
 * systemd units by name: true when active.
 * `await host.getFact("SystemdStatus", { user_mode, machine, user_name })`; no arguments for the system's.
 */
export const SystemdStatus = defineFact<SystemdArgs | undefined, Record<string, boolean>>({
  name: "SystemdStatus",
  description: "systemd units and whether each is active",
  arguments: systemdArguments,
  // A user's manager may not run yet (no session): nothing is active then, not an error.
  command: (args) => `${systemctlCommand(args)} list-units --all --no-legend --no-pager --plain 2>/dev/null || true`,
  parse: ({ stdout }) => {
    const units: Record<string, boolean> = emptyRecord();
    for (const line of lines(stdout)) {
      const [unit, , active] = line.trim().split(/\s+/);
      if (unit?.includes(".")) units[unit] = active === "active";
    }
    return units;
  },
});

/**
 * systemd unit files by name: true when enabled.
 * `await host.getFact("SystemdEnabled", { user_mode, machine, user_name })`; no arguments for the system's.
 */
export const SystemdEnabled = defineFact<SystemdArgs | undefined, Record<string, boolean>>({
  name: "SystemdEnabled",
  description: "systemd unit files and whether each is enabled",
  arguments: systemdArguments,
  command: (args) => `${systemctlCommand(args)} list-unit-files --no-legend --no-pager 2>/dev/null || true`,
  parse: ({ stdout }) => {
    const units: Record<string, boolean> = emptyRecord();
    for (const line of lines(stdout)) {
      const [unit, state] = line.trim().split(/\s+/);
      if (unit?.includes(".")) units[unit] = state === "enabled" || state === "enabled-runtime";
    }
    return units;
  },
});

/** The arguments of the GitBranch fact. */
export interface GitBranchArgs {
  /** The repository's directory. */
  repo: string;
}

/**
 * The checked-out branch of a repository, or null when there is no repository there.
 * `await host.getFact("GitBranch", { repo })`.
 */
export const GitBranch = defineFact<GitBranchArgs, string | null>({
  name: "GitBranch",
  description: "the branch checked out in a git repository",
  arguments: { repo: { type: "string", required: true, description: "the repository's directory" } },
  command: ({ repo }) => `LC_ALL=C git -C ${shellQuote(repo)} rev-parse --abbrev-ref HEAD`,
  parse: (output, { repo }) => (output.exitCode === 0 ? output.stdout.trim() || null : noRepository(repo, output)),
});

// A git command that failed: null when there is no repository (or directory), else unreadable
// (git missing, "dubious ownership", permission denied).
function noRepository(repo: string, output: FactOutput) {
  const { stderr, exitCode } = output;
  const denied = /Permission denied/.test(stderr);
  const notRepository = /not a git repository|cannot change to/.test(stderr);
  // Exit 3: GitRepo's own "no .git directory", with stat's reason (or none when it exists as a file).
  const noClone = exitCode === 3 && (saysMissing(stderr) || !stderr.trim());
  return (notRepository && !denied) || noClone ? null : unreadable(cannotRead(`the git repository ${repo}`, stderr));
}

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
export const GitRepo = defineFact<GitRepoArgs, GitRepoState>({
  name: "GitRepo",
  description: "a git clone's remote, branch, HEAD and the remote branch's commit",
  arguments: {
    dest: { type: "string", required: true, description: "the clone's directory" },
    branch: { type: "string", description: "the branch whose remote commit to look up" },
  },
  command: ({ dest, branch }) => {
    const d = shellQuote(dest);
    const ref = branch ? shellQuote(`refs/heads/${branch}`) : "HEAD";
    return [
      `[ -d ${d}/.git ] || { LC_ALL=C stat -c %F -- ${d}/.git >/dev/null; exit 3; }`,
      // git refusing the repository (another owner: "dubious ownership") must not look like "no clone".
      `LC_ALL=C git -C ${d} rev-parse --git-dir >/dev/null || exit 4`,
      `git -C ${d} config --get remote.origin.url || echo`,
      `git -C ${d} rev-parse --abbrev-ref HEAD 2>/dev/null || echo`,
      `git -C ${d} rev-parse HEAD 2>/dev/null || echo`,
      `git -C ${d} ls-remote origin ${ref} 2>/dev/null | cut -f1 | head -n1`,
    ].join("; ");
  },
  parse: (output, { dest }) => {
    const { stdout, exitCode } = output;
    if (exitCode === 3 || exitCode === 4) {
      const none = noRepository(dest, output);
      if (none !== null) return none;
      return { exists: false, remote: null, branch: null, head: null, remoteHead: null };
    }
    const [remote = "", branch = "", head = "", remoteHead = ""] = stdout.split("\n").map((l) => l.trim());
    return {
      exists: true,
      remote: remote || null,
      branch: branch || null,
      head: head || null,
      remoteHead: remoteHead || null,
    };
  },
});

/** The arguments of the GitConfig fact. */
export interface GitConfigArgs {
  /** The repository (default: the global configuration). */
  repo?: string;
}

/**
 * git config values (global, or a repository's own), by key; several values per key are kept.
 * `await host.getFact("GitConfig", { repo })`.
 */
export const GitConfig = defineFact<GitConfigArgs, Record<string, string[]>>({
  name: "GitConfig",
  description: "git configuration values",
  arguments: { repo: { type: "string", description: "the repository (default: the global configuration)" } },
  command: ({ repo } = {}) =>
    repo ? `LC_ALL=C git -C ${shellQuote(repo)} config --local --list` : "LC_ALL=C git config --global --list",
  parse: ({ stdout, stderr, exitCode }, { repo } = {}) => {
    // No configuration file yet is an empty configuration; anything else is unknown.
    if (exitCode !== 0 && !saysMissing(stderr))
      return unreadable(cannotRead(repo ? `the git configuration of ${repo}` : "the global git configuration", stderr));
    const config: Record<string, string[]> = emptyRecord();
    for (const line of lines(stdout)) {
      const eq = line.indexOf("=");
      const key = line.slice(0, eq);
      if (eq > 0) config[key] = [...(Object.hasOwn(config, key) ? (config[key] ?? []) : []), line.slice(eq + 1)];
    }
    return config;
  },
});

/** The arguments of the InitdRunning fact. */
export interface InitdRunningArgs {
  /** The init.d script's name. */
  service: string;
}

/**
 * Whether an /etc/init.d service reports running (its status exits 0); null when there is no such script.
 * `await host.getFact("InitdRunning", { service })`.
 */
export const InitdRunning = defineFact<InitdRunningArgs, boolean | null>({
  name: "InitdRunning",
  description: "whether an /etc/init.d service reports running",
  arguments: { service: { type: "string", required: true, description: "the init.d script's name" } },
  command: ({ service }) => {
    const script = shellQuote(`/etc/init.d/${service}`);
    // (LSB status codes use 3 for "not running", so a missing script is told apart by text.)
    return `if [ -x ${script} ]; then ${script} status >/dev/null 2>&1; echo "status:$?"; else echo missing; fi`;
  },
  parse: ({ stdout }) => (stdout.trim() === "missing" ? null : stdout.trim() === "status:0"),
});

/**
 * TCP ports something listens on (from /proc/net/tcp and tcp6).
 * `await host.getFact("ListeningPorts")`; no arguments.
 */
export const ListeningPorts = defineFact<undefined, number[]>({
  name: "ListeningPorts",
  description: "TCP ports with a listening socket",
  arguments: {},
  command: () => "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null || true",
  parse: ({ stdout }) => {
    const ports = new Set<number>();
    for (const line of lines(stdout)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const port = local?.split(":")[1];
      if (state === "0A" && port && /^[0-9A-F]{4}$/i.test(port)) ports.add(Number.parseInt(port, 16));
    }
    return [...ports].sort((a, b) => a - b);
  },
});
