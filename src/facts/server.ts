// Facts about the machine: OS, distribution, hostname, users and groups, commands, sysctl, mounts, crontab.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, lines, toInteger, type Unreadable, unreadable } from "./fact.js";
import { cannotRead, saysMissing, stderrCause } from "./stderr.js";

// `uname -s`: "Linux".
export const Os = defineFact<undefined, string>({
  name: "Os",
  description: "the operating system name (uname -s)",
  arguments: {},
  command: () => "uname -s",
  parse: ({ stdout }) => stdout.trim(),
});

// `uname -s`, as pyinfra's Kernel.
export const Kernel = defineFact<undefined, string>({
  name: "Kernel",
  description: "the kernel name (uname -s)",
  arguments: {},
  command: () => "uname -s",
  parse: ({ stdout }) => stdout.trim(),
});

// `uname -r`: "6.1.0-18-amd64".
export const KernelVersion = defineFact<undefined, string>({
  name: "KernelVersion",
  description: "the kernel release (uname -r)",
  arguments: {},
  command: () => "uname -r",
  parse: ({ stdout }) => stdout.trim(),
});

// `uname -m`: "x86_64".
export const Arch = defineFact<undefined, string>({
  name: "Arch",
  description: "the machine architecture (uname -m)",
  arguments: {},
  command: () => "uname -m",
  parse: ({ stdout }) => stdout.trim(),
});

// The host's name as it knows itself.
export const Hostname = defineFact<undefined, string>({
  name: "Hostname",
  description: "the host's own name (uname -n)",
  arguments: {},
  command: () => "uname -n",
  parse: ({ stdout }) => stdout.trim(),
});

export interface LinuxDistributionInfo {
  // "Debian", "Ubuntu", "CentOS", "RedHat", "Fedora", "Alpine", … (null when unknown)
  name: string | null;
  major: number | null;
  minor: number | null;
  // os-release ID: "debian", "ubuntu", …
  id: string | null;
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

// /etc/os-release: name, major and minor version, id and every field.
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

export interface UserInfo {
  uid: number;
  gid: number;
  group: string | null;
  groups: string[];
  home: string;
  shell: string;
  comment: string;
}

const passwdAndGroup = "cat /etc/passwd; echo '--infra-action-groups--'; cat /etc/group";

// Users from /etc/passwd with their primary and supplementary groups.
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

// Group names from /etc/group.
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

// The path of a command, or null when it is not installed.
export const Which = defineFact<{ command: string }, string | null>({
  name: "Which",
  description: "where a command is installed (command -v)",
  arguments: { command: { type: "string", required: true, description: "the command's name" } },
  command: ({ command }) => `command -v ${shellQuote(command)} || true`,
  parse: ({ stdout }) => stdout.trim() || null,
});

// The output of any command, trimmed.
export const Command = defineFact<{ command: string }, string>({
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

// A user's home directory (the connecting user's when none is given), or null.
export const Home = defineFact<{ user?: string }, string | null>({
  name: "Home",
  description: "a user's home directory",
  arguments: { user: { type: "string", description: "the user (default: the connecting user)" } },
  command: ({ user } = {}) => (user ? `getent passwd ${shellQuote(user)} | cut -d: -f6` : 'echo "$HOME"'),
  parse: ({ stdout }) => stdout.trim() || null,
});

export type SysctlValue = string | number | number[];

// Kernel parameters: numbers as numbers, several numbers as a list; a key sysctl would not read
// (another user's, "permission denied on key …") holds why.
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

export interface MountInfo {
  device: string;
  type: string;
  options: string[];
}

// Mounted filesystems by mount point.
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

export interface CrontabEntry {
  minute: string;
  hour: string;
  day_of_month: string;
  month: string;
  day_of_week: string;
  // "@reboot", "@daily", … when the entry uses one
  special_time?: string;
  // Comment lines just above the entry
  comments: string[];
}

// A user's crontab (the connecting user's when none is given), by command.
export const Crontab = defineFact<{ user?: string }, Record<string, CrontabEntry>>({
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
