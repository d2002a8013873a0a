// Facts about the running system: release, kernel, modules, processes, time zone, locales, limits, reboots.
import { defineFact, emptyRecord, isUnreadable, lines, toInteger, unreadable } from "./fact.js";
import { LinuxDistribution } from "./server.js";
import { cannotRead, saysMissing, stderrCause } from "./stderr.js";

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
export const LsbRelease = defineFact<undefined, LsbReleaseInfo | null>({
  name: "LsbRelease",
  description: "the release as lsb_release names it (null without lsb_release)",
  arguments: {},
  command: () => "if command -v lsb_release >/dev/null 2>&1; then LC_ALL=C lsb_release -a 2>/dev/null; fi",
  parse: ({ stdout }) => {
    const fields: LsbReleaseInfo = emptyRecord();
    for (const line of lines(stdout)) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase().split(/\s+/).at(-1);
      if (key) fields[key] = line.slice(colon + 1).trim();
    }
    return Object.keys(fields).length ? fields : null;
  },
});

/**
 * The distribution's name ("Debian", "Ubuntu", …): LinuxDistribution's `name`, or null.
 * `await host.getFact("LinuxName")`; no arguments.
 */
export const LinuxName = defineFact<undefined, string | null>({
  name: "LinuxName",
  description: "the Linux distribution's name (LinuxDistribution's name)",
  arguments: {},
  command: () => LinuxDistribution.command(undefined),
  parse: (output) => {
    const distribution = LinuxDistribution.parse(output, undefined);
    return isUnreadable(distribution) ? distribution : distribution.name;
  },
});

/**
 * The kernel release, as pyinfra's OsVersion (`uname -r`).
 * `await host.getFact("OsVersion")`; no arguments.
 */
export const OsVersion = defineFact<undefined, string>({
  name: "OsVersion",
  description: "the OS version: the kernel release (uname -r)",
  arguments: {},
  command: () => "uname -r",
  parse: ({ stdout }) => stdout.trim(),
});

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
export const KernelModules = defineFact<undefined, Record<string, KernelModuleInfo>>({
  name: "KernelModules",
  description: "loaded kernel modules (/proc/modules)",
  arguments: {},
  command: () => "cat /proc/modules 2>/dev/null || true",
  parse: ({ stdout }) => {
    const modules: Record<string, KernelModuleInfo> = emptyRecord();
    for (const line of lines(stdout)) {
      const [name, size, instances, depends, state] = line.trim().split(/\s+/);
      if (!name || toInteger(size) === null) continue;
      const module: KernelModuleInfo = {
        size: toInteger(size) ?? 0,
        instances: toInteger(instances) ?? 0,
        state: state ?? "",
      };
      if (depends && depends !== "-") module.depends = depends.split(",").filter(Boolean);
      modules[name] = module;
    }
    return modules;
  },
});

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
export const Processes = defineFact<undefined, Record<string, ProcessInfo>>({
  name: "Processes",
  description: "running processes by id (ps)",
  arguments: {},
  command: () => "LC_ALL=C ps -e -o pid= -o ppid= -o user= -o args=",
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(cannotRead("the processes", stderr, "list"));
    const processes: Record<string, ProcessInfo> = emptyRecord();
    for (const line of lines(stdout)) {
      const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
      if (m?.[1]) processes[m[1]] = { ppid: Number(m[2]), user: m[3] ?? "", command: (m[4] ?? "").trim() };
    }
    return processes;
  },
});

/**
 * The time zone's name ("Etc/UTC", "Europe/Paris") from /etc/timezone or /etc/localtime's link,
 * else the abbreviation `date +%Z` prints ("UTC").
 * `await host.getFact("Timezone")`; no arguments.
 */
export const Timezone = defineFact<undefined, string | null>({
  name: "Timezone",
  description: "the time zone (/etc/timezone, /etc/localtime)",
  arguments: {},
  command: () =>
    "cat /etc/timezone 2>/dev/null || readlink /etc/localtime 2>/dev/null || LC_ALL=C date +%Z 2>/dev/null || true",
  parse: ({ stdout }) => {
    const line = lines(stdout)[0]?.trim();
    if (!line) return null;
    return line.replace(/^.*\/zoneinfo\//, "") || null;
  },
});

/**
 * The locales that can be used (`locale -a`), named as /etc/locale.gen names them ("en_US.UTF-8").
 * `await host.getFact("Locales")`; no arguments.
 */
export const Locales = defineFact<undefined, string[]>({
  name: "Locales",
  description: "the locales available (locale -a)",
  arguments: {},
  command: () => "LC_ALL=C locale -a",
  parse: ({ stdout, stderr, exitCode }) =>
    exitCode === 0
      ? lines(stdout).map((line) => line.trim().replace(/\.utf8(?=@|$)/, ".UTF-8"))
      : unreadable(`cannot list the locales: ${stderrCause(stderr)}`),
});

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
export const SecurityLimits = defineFact<undefined, SecurityLimit[]>({
  name: "SecurityLimits",
  description: "limits set in /etc/security/limits.conf",
  arguments: {},
  command: () => "LC_ALL=C cat /etc/security/limits.conf",
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return saysMissing(stderr) ? [] : unreadable(cannotRead("/etc/security/limits.conf", stderr));
    return lines(stdout).flatMap((line) => {
      const [domain, limit_type, item, value] = line.replace(/#.*$/, "").trim().split(/\s+/);
      return domain && limit_type && item && value ? [{ domain, limit_type, item, value }] : [];
    });
  },
});

/**
 * Whether the host asks for a reboot: /var/run/reboot-required (Debian, Ubuntu) or
 * `needs-restarting -r` (Red Hat family); false when neither says so.
 * `await host.getFact("RebootRequired")`; no arguments.
 */
export const RebootRequired = defineFact<undefined, boolean>({
  name: "RebootRequired",
  description: "whether the host asks for a reboot",
  arguments: {},
  command: () =>
    'PATH="$PATH:/usr/sbin:/sbin"; if [ -e /var/run/reboot-required ]; then echo yes; ' +
    "elif command -v needs-restarting >/dev/null 2>&1 && ! needs-restarting -r >/dev/null 2>&1; then echo yes; " +
    "else echo no; fi",
  parse: ({ stdout }) => stdout.trim() === "yes",
});
