// Facts about the machine: OS, distribution, hostname, users and groups, commands, sysctl, mounts, crontab.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, lines, toInteger, type Unreadable, unreadable } from "./fact.js";
import { cannotRead, saysMissing, stderrCause } from "./stderr.js";

// The operating system's name (what `uname -s` prints) into $__ia_os: on Linux read from the
// kernel (no process), elsewhere from uname.
export const osName = "{ read -r __ia_os 2>/dev/null < /proc/sys/kernel/ostype || __ia_os=$(uname -s); }";

/**
 * `uname -s`: "Linux".
 * `await host.getFact("Os")`; no arguments.
 */
export const Os = defineFact<undefined, string>({
  name: "Os",
  description: "the operating system name (uname -s)",
  arguments: {},
  command: () => `${osName}; echo "$__ia_os"`,
  parse: ({ stdout }) => stdout.trim(),
});

/**
 * `uname -s`, as pyinfra's Kernel.
 * `await host.getFact("Kernel")`; no arguments.
 */
export const Kernel = defineFact<undefined, string>({
  name: "Kernel",
  description: "the kernel name (uname -s)",
  arguments: {},
  command: () => "uname -s",
  parse: ({ stdout }) => stdout.trim(),
});

/**
 * `uname -r`: "6.1.0-18-amd64".
 * `await host.getFact("KernelVersion")`; no arguments.
 */
export const KernelVersion = defineFact<undefined, string>({
  name: "KernelVersion",
  description: "the kernel release (uname -r)",
  arguments: {},
  command: () => "uname -r",
  parse: ({ stdout }) => stdout.trim(),
});

/**
 * `uname -m`: "x86_64".
 * `await host.getFact("Arch")`; no arguments.
 */
export const Arch = defineFact<undefined, string>({
  name: "Arch",
  description: "the machine architecture (uname -m)",
  arguments: {},
  command: () => "uname -m",
  parse: ({ stdout }) => stdout.trim(),
});

/**
 * The host's name as it knows itself.
 * `await host.getFact("Hostname")`; no arguments.
 */
export const Hostname = defineFact<undefined, string>({
  name: "Hostname",
  description: "the host's own name (uname -n)",
  arguments: {},
  command: () => "uname -n",
  parse: ({ stdout }) => stdout.trim(),
});

/** What the LinuxDistribution fact gives: the distribution as /etc/os-release names it. */
export interface LinuxDistributionInfo {
  /** "Debian", "Ubuntu", "CentOS", "RedHat", "Fedora", "Alpine", … (null when unknown). */
  name: string | null;
  /** The major version (12 for Debian 12), or null. */
  major: number | null;
  /** The minor version (4 for Rocky 9.4), or null. */
  minor: number | null;
  /** The os-release ID: "debian", "ubuntu", …, or null. */
  id: string | null;
  /** Every field of os-release, by its name: `VERSION_CODENAME`, `PRETTY_NAME`, …. */
  release_meta: Record<string, string>;
}

const distributionNames: Record<string, string> = {
  debian: "Debian",
  ubuntu: "Ubuntu",
  centos: "CentOS",
  rhel: "RedHat",
  fedora: "Fedora",
  alpine: "Alpine",
  rocky: "Rocky",
  almalinux: "AlmaLinux",
  amzn: "Amazon",
  opensuse: "openSUSE",
  "opensuse-leap": "openSUSE",
  arch: "Arch",
  linuxmint: "Linux Mint",
  raspbian: "Raspbian",
};

/**
 * /etc/os-release: name, major and minor version, id and every field.
 * `await host.getFact("LinuxDistribution")`; no arguments.
 */
export const LinuxDistribution = defineFact<undefined, LinuxDistributionInfo>({
  name: "LinuxDistribution",
  description: "the Linux distribution from /etc/os-release",
  arguments: {},
  command: () => "LC_ALL=C cat /etc/os-release || LC_ALL=C cat /usr/lib/os-release",
  // Neither file there is an answer (no distribution named); a file there but unreadable is not.
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0 && !saysMissing(stderr)) return unreadable(cannotRead("/etc/os-release", stderr));
    const meta: Record<string, string> = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (match?.[1]) meta[match[1]] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
    }
    const id = meta.ID ?? null;
    const [major, minor] = (meta.VERSION_ID ?? "").split(".");
    return {
      name: id ? (distributionNames[id] ?? meta.NAME ?? id) : (meta.NAME ?? null),
      major: toInteger(major),
      minor: toInteger(minor),
      id,
      release_meta: meta,
    };
  },
});

/** One user of the Users fact. */
export interface UserInfo {
  /** The user id. */
  uid: number;
  /** The primary group's id. */
  gid: number;
  /** The primary group's name (null when /etc/group does not name it). */
  group: string | null;
  /** The supplementary groups the user is a member of. */
  groups: string[];
  /** The home directory. */
  home: string;
  /** The login shell. */
  shell: string;
  /** The comment (GECOS) field. */
  comment: string;
}

const passwdAndGroup = "cat /etc/passwd; echo '--infra-action-groups--'; cat /etc/group";

/**
 * Users from /etc/passwd with their primary and supplementary groups.
 * `await host.getFact("Users")`; no arguments.
 */
export const Users = defineFact<undefined, Record<string, UserInfo>>({
  name: "Users",
  description: "local users (/etc/passwd, /etc/group)",
  arguments: {},
  command: () => passwdAndGroup,
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(cannotRead("/etc/passwd or /etc/group", stderr));
    const [passwd = "", group = ""] = stdout.split("--infra-action-groups--");
    const groups = parseGroupFile(group);
    const users: Record<string, UserInfo> = emptyRecord();
    for (const line of lines(passwd)) {
      const [name, , uid, gid, comment, home, shell] = line.split(":");
      if (!name || toInteger(uid) === null) continue;
      const primary = groups.find((g) => g.gid === toInteger(gid));
      users[name] = {
        uid: toInteger(uid) ?? 0,
        gid: toInteger(gid) ?? 0,
        group: primary?.name ?? null,
        groups: groups.filter((g) => g.members.includes(name)).map((g) => g.name),
        home: home ?? "",
        shell: (shell ?? "").trim(),
        comment: comment ?? "",
      };
    }
    return users;
  },
});

/**
 * Group names from /etc/group.
 * `await host.getFact("Groups")`; no arguments.
 */
export const Groups = defineFact<undefined, string[]>({
  name: "Groups",
  description: "local group names (/etc/group)",
  arguments: {},
  command: () => "cat /etc/group",
  parse: ({ stdout, stderr, exitCode }) =>
    exitCode === 0 ? parseGroupFile(stdout).map((g) => g.name) : unreadable(cannotRead("/etc/group", stderr)),
});

function parseGroupFile(text: string) {
  return lines(text).flatMap((line) => {
    const [name, , gid, members] = line.split(":");
    return name ? [{ name, gid: toInteger(gid), members: (members ?? "").trim().split(",").filter(Boolean) }] : [];
  });
}

/** The arguments of the Which fact. */
export interface WhichArgs {
  /** The command's name. */
  command: string;
}

/**
 * The path of a command, or null when it is not installed.
 * `await host.getFact("Which", { command })`.
 */
export const Which = defineFact<WhichArgs, string | null>({
  name: "Which",
  description: "where a command is installed (command -v)",
  arguments: { command: { type: "string", required: true, description: "the command's name" } },
  command: ({ command }) => `command -v ${shellQuote(command)} || true`,
  parse: ({ stdout }) => stdout.trim() || null,
});

/** The arguments of the Command fact. */
export interface CommandArgs {
  /** The shell command to run. */
  command: string;
}

/**
 * The output of any command, trimmed.
 * `await host.getFact("Command", { command })`.
 */
export const Command = defineFact<CommandArgs, string>({
  name: "Command",
  description: "the output of a shell command",
  arguments: { command: { type: "string", required: true, description: "the shell command to run" } },
  command: ({ command }) => command,
  // A failing command has no output to trust: its exit code and stderr say why.
  parse: ({ stdout, stderr, exitCode }, { command }) =>
    exitCode === 0
      ? stdout.trim()
      : unreadable(`cannot run ${JSON.stringify(command)}: exit code ${exitCode}: ${stderrCause(stderr)}`),
});

/** The arguments of the Home fact. */
export interface HomeArgs {
  /** The user (default: the connecting user). */
  user?: string;
}

/**
 * A user's home directory (the connecting user's when none is given), or null.
 * `await host.getFact("Home", { user })`.
 */
export const Home = defineFact<HomeArgs, string | null>({
  name: "Home",
  description: "a user's home directory",
  arguments: { user: { type: "string", description: "the user (default: the connecting user)" } },
  command: ({ user } = {}) => (user ? `getent passwd ${shellQuote(user)} | cut -d: -f6` : 'echo "$HOME"'),
  parse: ({ stdout }) => stdout.trim() || null,
});

/** A kernel parameter's value: a number, a list of numbers ("4096 87380"), else the text. */
export type SysctlValue = string | number | number[];

/**
 * Kernel parameters: numbers as numbers, several numbers as a list; a key sysctl would not read
 * (another user's, "permission denied on key …") holds why.
 * `await host.getFact("Sysctl")`; no arguments.
 */
export const Sysctl = defineFact<undefined, Record<string, SysctlValue | Unreadable>>({
  name: "Sysctl",
  description: "kernel parameters (sysctl -a)",
  arguments: {},
  // sysctl lives in /usr/sbin, which a user's PATH over SSH often lacks (the fact runs in a subshell).
  command: () => 'PATH="$PATH:/usr/sbin:/sbin"; LC_ALL=C sysctl -a',
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(cannotRead("the kernel parameters", stderr));
    const values: Record<string, SysctlValue | Unreadable> = emptyRecord();
    for (const line of lines(stdout)) {
      const eq = line.indexOf("=");
      if (eq < 0) continue;
      values[line.slice(0, eq).trim()] = parseSysctlValue(line.slice(eq + 1).trim());
    }
    for (const line of lines(stderr)) {
      const key = /key ['"]([^'"]+)['"]/.exec(line)?.[1];
      if (key && !Object.hasOwn(values, key))
        values[key] = unreadable(`cannot read kernel parameter ${key}: ${sysctlCause(line)}`);
    }
    return values;
  },
});

// "sysctl: permission denied on key 'k'" → "permission denied"; other complaints as sysctl words them.
function sysctlCause(line: string): string {
  return /permission denied/i.test(line) ? "permission denied" : line.replace(/^sysctl:\s*/, "");
}

// "1" → 1, "4096 87380" → [4096, 87380], anything else stays a string.
export function parseSysctlValue(value: string): SysctlValue {
  const parts = value.split(/\s+/);
  if (parts.length > 1 && parts.every((p) => /^-?\d+$/.test(p))) return parts.map(Number);
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

/** One mounted filesystem of the Mounts fact. */
export interface MountInfo {
  /** What is mounted: "/dev/sda1", "tmpfs", …. */
  device: string;
  /** The filesystem type: "ext4", "tmpfs", …. */
  type: string;
  /** The mount options: ["rw", "relatime"]. */
  options: string[];
}

/**
 * Mounted filesystems by mount point.
 * `await host.getFact("Mounts")`; no arguments.
 */
export const Mounts = defineFact<undefined, Record<string, MountInfo>>({
  name: "Mounts",
  description: "mounted filesystems (/proc/mounts)",
  arguments: {},
  command: () => "cat /proc/mounts 2>/dev/null || true",
  parse: ({ stdout }) => {
    const mounts: Record<string, MountInfo> = emptyRecord();
    for (const line of lines(stdout)) {
      const [device, path, type, options] = line.split(/\s+/);
      if (device && path && type) mounts[unescapeMount(path)] = { device, type, options: (options ?? "").split(",") };
    }
    return mounts;
  },
});

function unescapeMount(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** One entry of the Crontab fact (its schedule fields are "" when it uses special_time). */
export interface CrontabEntry {
  /** The cron minute field. */
  minute: string;
  /** The cron hour field. */
  hour: string;
  /** The cron day-of-month field. */
  day_of_month: string;
  /** The cron month field. */
  month: string;
  /** The cron day-of-week field. */
  day_of_week: string;
  /** "@reboot", "@daily", … when the entry uses one. */
  special_time?: string;
  /** The comment lines just above the entry. */
  comments: string[];
}

/** The arguments of the Crontab fact. */
export interface CrontabArgs {
  /** The user (default: the connecting user). */
  user?: string;
}

/**
 * A user's crontab (the connecting user's when none is given), by command.
 * `await host.getFact("Crontab", { user })`.
 */
export const Crontab = defineFact<CrontabArgs, Record<string, CrontabEntry>>({
  name: "Crontab",
  description: "a user's crontab entries, by command",
  arguments: { user: { type: "string", description: "the user (default: the connecting user)" } },
  command: ({ user } = {}) => `LC_ALL=C crontab -l${user ? ` -u ${shellQuote(user)}` : ""}`,
  // "no crontab for USER" is an empty crontab; anything else (not privileged, no crontab command) is unknown.
  parse: ({ stdout, stderr, exitCode }, { user } = {}) =>
    exitCode === 0 || /^no crontab for /m.test(stderr)
      ? parseCrontab(exitCode === 0 ? stdout : "")
      : unreadable(cannotRead(`the crontab${user ? ` of ${user}` : ""}`, stderr)),
});

// Parses crontab text into entries keyed by command.
export function parseCrontab(text: string): Record<string, CrontabEntry> {
  const entries: Record<string, CrontabEntry> = emptyRecord();
  let comments: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("#")) {
      comments.push(line);
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(line)) continue;
    const special = /^(@\w+)\s+(.+)$/.exec(line);
    if (special?.[1] && special[2]) {
      entries[special[2]] = {
        minute: "",
        hour: "",
        day_of_month: "",
        month: "",
        day_of_week: "",
        special_time: special[1],
        comments,
      };
    } else {
      const parts = line.split(/\s+/);
      if (parts.length < 6) continue;
      const [minute = "", hour = "", day_of_month = "", month = "", day_of_week = ""] = parts;
      entries[parts.slice(5).join(" ")] = { minute, hour, day_of_month, month, day_of_week, comments };
    }
    comments = [];
  }
  return entries;
}
