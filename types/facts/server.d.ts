import { type Unreadable } from "./fact.js";
export declare const osName = "{ read -r __ia_os 2>/dev/null < /proc/sys/kernel/ostype || __ia_os=$(uname -s); }";
/**
 * `uname -s`: "Linux".
 * `await host.getFact("Os")`; no arguments.
 */
export declare const Os: import("./fact.js").Fact<undefined, string>;
/**
 * `uname -s`, as pyinfra's Kernel.
 * `await host.getFact("Kernel")`; no arguments.
 */
export declare const Kernel: import("./fact.js").Fact<undefined, string>;
/**
 * `uname -r`: "6.1.0-18-amd64".
 * `await host.getFact("KernelVersion")`; no arguments.
 */
export declare const KernelVersion: import("./fact.js").Fact<undefined, string>;
/**
 * `uname -m`: "x86_64".
 * `await host.getFact("Arch")`; no arguments.
 */
export declare const Arch: import("./fact.js").Fact<undefined, string>;
/**
 * The host's name as it knows itself.
 * `await host.getFact("Hostname")`; no arguments.
 */
export declare const Hostname: import("./fact.js").Fact<undefined, string>;
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
/**
 * /etc/os-release: name, major and minor version, id and every field.
 * `await host.getFact("LinuxDistribution")`; no arguments.
 */
export declare const LinuxDistribution: import("./fact.js").Fact<undefined, LinuxDistributionInfo>;
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
/**
 * Users from /etc/passwd with their primary and supplementary groups.
 * `await host.getFact("Users")`; no arguments.
 */
export declare const Users: import("./fact.js").Fact<undefined, Record<string, UserInfo>>;
/**
 * Group names from /etc/group.
 * `await host.getFact("Groups")`; no arguments.
 */
export declare const Groups: import("./fact.js").Fact<undefined, string[]>;
/** The arguments of the Which fact. */
export interface WhichArgs {
    /** The command's name. */
    command: string;
}
/**
 * The path of a command, or null when it is not installed.
 * `await host.getFact("Which", { command })`.
 */
export declare const Which: import("./fact.js").Fact<WhichArgs, string | null>;
/** The arguments of the Command fact. */
export interface CommandArgs {
    /** The shell command to run. */
    command: string;
}
/**
 * The output of any command, trimmed.
 * `await host.getFact("Command", { command })`.
 */
export declare const Command: import("./fact.js").Fact<CommandArgs, string>;
/** The arguments of the Home fact. */
export interface HomeArgs {
    /** The user (default: the connecting user). */
    user?: string;
}
/**
 * A user's home directory (the connecting user's when none is given), or null.
 * `await host.getFact("Home", { user })`.
 */
export declare const Home: import("./fact.js").Fact<HomeArgs, string | null>;
/** A kernel parameter's value: a number, a list of numbers ("4096 87380"), else the text. */
export type SysctlValue = string | number | number[];
/**
 * Kernel parameters: numbers as numbers, several numbers as a list; a key sysctl would not read
 * (another user's, "permission denied on key …") holds why.
 * `await host.getFact("Sysctl")`; no arguments.
 */
export declare const Sysctl: import("./fact.js").Fact<undefined, Record<string, Unreadable | SysctlValue>>;
export declare function parseSysctlValue(value: string): SysctlValue;
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
export declare const Mounts: import("./fact.js").Fact<undefined, Record<string, MountInfo>>;
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
export declare const Crontab: import("./fact.js").Fact<CrontabArgs, Record<string, CrontabEntry>>;
export declare function parseCrontab(text: string): Record<string, CrontabEntry>;
