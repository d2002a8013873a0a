/** What the LsbRelease fact gives: `lsb_release -a`'s fields, lower-cased ("Distributor ID" is "id"). */
export interface LsbReleaseInfo {
    /** "Debian", "Ubuntu". */
    id?: string;
    /** "Ubuntu 22.04.4 LTS". */
    description?: string;
    /** "22.04". */
    release?: string;
    /** "jammy". */
    codename?: string;
    /** Any other field lsb_release prints. */
    [field: string]: string | undefined;
}
/**
 * `lsb_release -a`'s fields; null when lsb_release is not installed (Debian does not install it by default).
 * `await host.getFact("LsbRelease")`; no arguments.
 */
export declare const LsbRelease: import("./fact.js").Fact<undefined, LsbReleaseInfo | null>;
/**
 * The distribution's name ("Debian", "Ubuntu", …): LinuxDistribution's `name`, or null.
 * `await host.getFact("LinuxName")`; no arguments.
 */
export declare const LinuxName: import("./fact.js").Fact<undefined, string | null>;
/**
 * The kernel release, as pyinfra's OsVersion (`uname -r`).
 * `await host.getFact("OsVersion")`; no arguments.
 */
export declare const OsVersion: import("./fact.js").Fact<undefined, string>;
/** One loaded kernel module of the KernelModules fact. */
export interface KernelModuleInfo {
    /** Its size in bytes, as /proc/modules says. */
    size: number;
    /** How many users it has. */
    instances: number;
    /** "Live", "Loading", "Unloading". */
    state: string;
    /** The modules using it (absent when none). */
    depends?: string[];
}
/**
 * Loaded kernel modules by name ({} in a container, which has no /proc/modules).
 * `await host.getFact("KernelModules")`; no arguments.
 */
export declare const KernelModules: import("./fact.js").Fact<undefined, Record<string, KernelModuleInfo>>;
/** One process of the Processes fact. */
export interface ProcessInfo {
    /** The parent's process id. */
    ppid: number;
    /** The user it runs as. */
    user: string;
    /** Its command line. */
    command: string;
}
/**
 * Running processes by process id (`ps -e`).
 * `await host.getFact("Processes")`; no arguments.
 */
export declare const Processes: import("./fact.js").Fact<undefined, Record<string, ProcessInfo>>;
/**
 * The time zone's name ("Etc/UTC", "Europe/Paris") from /etc/timezone or /etc/localtime's link,
 * else the abbreviation `date +%Z` prints ("UTC").
 * `await host.getFact("Timezone")`; no arguments.
 */
export declare const Timezone: import("./fact.js").Fact<undefined, string | null>;
/**
 * The locales that can be used (`locale -a`), named as /etc/locale.gen names them ("en_US.UTF-8").
 * `await host.getFact("Locales")`; no arguments.
 */
export declare const Locales: import("./fact.js").Fact<undefined, string[]>;
/** One line of /etc/security/limits.conf. */
export interface SecurityLimit {
    /** Whom it applies to: "*", "root", "@group". */
    domain: string;
    /** "soft", "hard" or "-". */
    limit_type: string;
    /** What is limited: "nofile", "nproc", …. */
    item: string;
    /** The limit: "1048576", "unlimited". */
    value: string;
}
/**
 * The limits set in /etc/security/limits.conf ([] when there is no such file).
 * `await host.getFact("SecurityLimits")`; no arguments.
 */
export declare const SecurityLimits: import("./fact.js").Fact<undefined, SecurityLimit[]>;
/**
 * Whether the host asks for a reboot: /var/run/reboot-required (Debian, Ubuntu) or
 * `needs-restarting -r` (Red Hat family); false when neither says so.
 * `await host.getFact("RebootRequired")`; no arguments.
 */
export declare const RebootRequired: import("./fact.js").Fact<undefined, boolean>;
