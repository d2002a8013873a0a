// Installed packages: Debian (dpkg), RPM and Alpine (apk), and pip. Each maps a name to its versions.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, type FactOutput, lines, type Unreadable, unreadable } from "./fact.js";
import { cannotRead } from "./stderr.js";

/** Installed packages: each name with its installed versions. */
export type PackageVersions = Record<string, string[]>;

// A package list, or why the command listing it failed ("cannot list the installed RPM packages: rpm: not
// found"): a failing or missing package tool is never read as "nothing installed".
function listOrUnreadable(
  output: FactOutput,
  what: string,
  read: (stdout: string) => PackageVersions,
): PackageVersions | Unreadable {
  return output.exitCode === 0 ? read(output.stdout) : unreadable(cannotRead(what, output.stderr, "list"));
}

function addVersion(packages: PackageVersions, name: string, version: string): void {
  packages[name] = [...(Object.hasOwn(packages, name) ? (packages[name] ?? []) : []), version];
}

/**
 * Installed Debian packages (dpkg status "ii").
 * `await host.getFact("DebPackages")`; no arguments.
 */
export const DebPackages = defineFact<undefined, PackageVersions>({
  name: "DebPackages",
  description: "installed Debian packages and versions",
  arguments: {},
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's format fields.
  command: () => "LC_ALL=C dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Version}\\n'",
  parse: (output) => listOrUnreadable(output, "the installed Debian packages", parseDpkgList),
});

// dpkg-query's "status|name|version" lines: the installed ("ii") ones.
function parseDpkgList(stdout: string): PackageVersions {
  const packages: PackageVersions = emptyRecord();
  for (const line of lines(stdout)) {
    const [status = "", name, version = ""] = line.split("|");
    if (status.startsWith("ii") && name) addVersion(packages, name, version);
  }
  return packages;
}

/**
 * Installed RPM packages.
 * `await host.getFact("RpmPackages")`; no arguments.
 */
export const RpmPackages = defineFact<undefined, PackageVersions>({
  name: "RpmPackages",
  description: "installed RPM packages and versions",
  arguments: {},
  command: () => "LC_ALL=C rpm -qa --queryformat '%{NAME}|%{VERSION}-%{RELEASE}\\n'",
  parse: (output) => listOrUnreadable(output, "the installed RPM packages", parseRpmList),
});

// rpm's "name|version-release" lines.
function parseRpmList(stdout: string): PackageVersions {
  const packages: PackageVersions = emptyRecord();
  for (const line of lines(stdout)) {
    const [name, version = ""] = line.split("|");
    if (name) addVersion(packages, name, version);
  }
  return packages;
}

/**
 * Installed Alpine packages ("name-1.2.3-r0").
 * `await host.getFact("ApkPackages")`; no arguments.
 */
export const ApkPackages = defineFact<undefined, PackageVersions>({
  name: "ApkPackages",
  description: "installed Alpine packages and versions",
  arguments: {},
  command: () => "LC_ALL=C apk info -v",
  parse: (output) => listOrUnreadable(output, "the installed Alpine packages", parseApkList),
});

// apk's "name-version-rN" lines.
function parseApkList(stdout: string): PackageVersions {
  const packages: PackageVersions = emptyRecord();
  for (const line of lines(stdout)) {
    const match = /^(.+)-([^-]+-r\d+)$/.exec(line.trim());
    if (match?.[1] && match[2]) addVersion(packages, match[1], match[2]);
  }
  return packages;
}

/** The arguments of the PipPackages fact. */
export interface PipPackagesArgs {
  /** The pip command (default: pip3). */
  pip?: string;
}

/**
 * Packages pip has installed (names lowercased, `_` as `-`), for a given pip command.
 * `await host.getFact("PipPackages", { pip })`.
 */
export const PipPackages = defineFact<PipPackagesArgs, PackageVersions>({
  name: "PipPackages",
  description: "packages installed by pip",
  arguments: { pip: { type: "string", description: "the pip command (default: pip3)" } },
  command: ({ pip = "pip3" } = {}) => `${shellQuote(pip)} freeze --all`,
  // A pip that is not there (exit 127) has installed nothing: an earlier operation may create it (a
  // virtualenv, python3-pip), as in pyinfra. A pip that fails cannot tell.
  parse: (output, { pip = "pip3" } = {}) =>
    output.exitCode === 127 ? emptyRecord() : listOrUnreadable(output, `the packages of ${pip}`, parsePipFreeze),
});

// pip freeze's "name==version" lines (editable and URL installs have no version: skipped).
function parsePipFreeze(stdout: string): PackageVersions {
  const packages: PackageVersions = emptyRecord();
  for (const line of lines(stdout)) {
    const match = /^([A-Za-z0-9_.-]+)==(.+)$/.exec(line.trim());
    if (match?.[1] && match[2]) addVersion(packages, normalisePipName(match[1]), match[2]);
  }
  return packages;
}

// pip's canonical form of a package name.
export function normalisePipName(name: string): string {
  return name.toLowerCase().replace(/[_.]+/g, "-");
}

/** A package manager infra-action drives. */
export type PackageManagerName = "apt" | "dnf" | "yum" | "apk" | "zypper" | "pacman";

const managerCommands: Record<string, PackageManagerName> = {
  "apt-get": "apt",
  dnf: "dnf",
  yum: "yum",
  apk: "apk",
  zypper: "zypper",
  pacman: "pacman",
};

/**
 * Which package manager the host has: apt, dnf, yum, apk, zypper or pacman, first found in that order (null when none).
 * `await host.getFact("PackageManager")`; no arguments.
 */
export const PackageManager = defineFact<undefined, PackageManagerName | null>({
  name: "PackageManager",
  description: "the host's package manager",
  arguments: {},
  command: () =>
    "for m in apt-get dnf yum apk zypper pacman; do if command -v $m >/dev/null 2>&1; then echo $m; break; fi; done",
  parse: ({ stdout }) =>
    Object.hasOwn(managerCommands, stdout.trim()) ? (managerCommands[stdout.trim()] ?? null) : null,
});

/**
 * Seconds since the apt package lists were last updated (null when never).
 * `await host.getFact("AptListsAge")`; no arguments.
 */
export const AptListsAge = defineFact<undefined, number | null>({
  name: "AptListsAge",
  description: "seconds since apt's package lists were last updated",
  arguments: {},
  command: () =>
    "t=$(stat -c %Y /var/lib/apt/periodic/update-success-stamp 2>/dev/null || stat -c %Y /var/lib/apt/lists 2>/dev/null) && echo $(( $(date +%s) - t ))",
  parse: ({ stdout }) => (/^\d+$/.test(stdout.trim()) ? Number(stdout.trim()) : null),
});

/** The arguments of the AptUpgradable fact. */
export interface AptUpgradableArgs {
  /** Dist-upgrade instead of upgrade. */
  dist?: boolean;
}

/**
 * Debian packages that an upgrade would change (apt-get -s upgrade).
 * `await host.getFact("AptUpgradable", { dist })`.
 */
export const AptUpgradable = defineFact<AptUpgradableArgs, string[]>({
  name: "AptUpgradable",
  description: "packages apt would upgrade",
  arguments: { dist: { type: "boolean", description: "dist-upgrade instead of upgrade" } },
  command: ({ dist } = {}) => `LC_ALL=C apt-get -s ${dist ? "dist-upgrade" : "upgrade"}`,
  // apt-get says why on its first "E:" line ("Could not open file /var/lib/dpkg/status - open (13: Permission denied)").
  parse: ({ stdout, stderr, exitCode }) =>
    exitCode === 0
      ? lines(stdout).flatMap((line) => (line.startsWith("Inst ") ? (line.split(/\s+/)[1] ?? []) : []))
      : unreadable(cannotRead("the packages apt would upgrade", firstAptError(stderr), "list")),
});

// apt's first error line without its "E: " (the later ones only say that something failed).
function firstAptError(stderr: string): string {
  const first = stderr.split("\n").find((line) => line.startsWith("E: "));
  return first ? first.slice(3) : stderr;
}

/**
 * RPM packages dnf would upgrade (dnf check-update: exit 100 when there are updates).
 * `await host.getFact("DnfUpgradable")`; no arguments.
 */
export const DnfUpgradable = defineFact<undefined, string[]>({
  name: "DnfUpgradable",
  description: "packages dnf would upgrade",
  arguments: {},
  command: () => "LC_ALL=C dnf -q check-update",
  parse: (output) => parseCheckUpdate(output, "dnf"),
});

/**
 * RPM packages yum would update (yum check-update: exit 100 when there are updates).
 * `await host.getFact("YumUpgradable")`; no arguments.
 */
export const YumUpgradable = defineFact<undefined, string[]>({
  name: "YumUpgradable",
  description: "packages yum would update",
  arguments: {},
  command: () => "LC_ALL=C yum -q check-update",
  parse: (output) => parseCheckUpdate(output, "yum"),
});

// check-update's "name.arch  version  repo" lines, up to its "Obsoleting Packages" section.
function parseCheckUpdate(output: FactOutput, tool: string): string[] | Unreadable {
  if (output.exitCode !== 0 && output.exitCode !== 100)
    return unreadable(cannotRead(`the packages ${tool} would upgrade`, output.stderr, "list"));
  const names: string[] = [];
  for (const line of lines(output.stdout)) {
    if (/^Obsoleting/i.test(line.trim())) break;
    const [field = "", version, repo] = line.trim().split(/\s+/);
    const dot = field.lastIndexOf(".");
    if (version && repo && dot > 0 && !names.includes(field.slice(0, dot))) names.push(field.slice(0, dot));
  }
  return names;
}

/**
 * Alpine packages apk would upgrade (apk version -l '<').
 * `await host.getFact("ApkUpgradable")`; no arguments.
 */
export const ApkUpgradable = defineFact<undefined, string[]>({
  name: "ApkUpgradable",
  description: "packages apk would upgrade",
  arguments: {},
  command: () => "LC_ALL=C apk version -l '<'",
  parse: (output) =>
    output.exitCode === 0
      ? lines(output.stdout).flatMap((line) => /^(.+)-[^-\s]+-r\d+\s+</.exec(line.trim())?.[1] ?? [])
      : unreadable(cannotRead("the packages apk would upgrade", output.stderr, "list")),
});

/**
 * Installed Arch packages (pacman -Q: "name version").
 * `await host.getFact("PacmanPackages")`; no arguments.
 */
export const PacmanPackages = defineFact<undefined, PackageVersions>({
  name: "PacmanPackages",
  description: "installed pacman packages and versions",
  arguments: {},
  command: () => "LC_ALL=C pacman -Q",
  parse: (output) =>
    listOrUnreadable(output, "the installed pacman packages", (stdout) => {
      const packages: PackageVersions = emptyRecord();
      for (const line of lines(stdout)) {
        const [name, version] = line.trim().split(/\s+/);
        if (name && version) addVersion(packages, name, version);
      }
      return packages;
    }),
});

/**
 * Arch packages pacman would upgrade (pacman -Qu: "name old -> new"; exit 1 with no output when none).
 * `await host.getFact("PacmanUpgradable")`; no arguments.
 */
export const PacmanUpgradable = defineFact<undefined, string[]>({
  name: "PacmanUpgradable",
  description: "packages pacman would upgrade",
  arguments: {},
  command: () => "LC_ALL=C pacman -Qu",
  parse: (output) =>
    output.exitCode === 0 || (output.exitCode === 1 && output.stderr.trim() === "")
      ? lines(output.stdout).flatMap((line) => (line.includes("->") ? (line.trim().split(/\s+/)[0] ?? []) : []))
      : unreadable(cannotRead("the packages pacman would upgrade", output.stderr, "list")),
});

/**
 * Packages zypper would update (zypper list-updates: "v | repo | name | current | available | arch" rows).
 * `await host.getFact("ZypperUpgradable")`; no arguments.
 */
export const ZypperUpgradable = defineFact<undefined, string[]>({
  name: "ZypperUpgradable",
  description: "packages zypper would update",
  arguments: {},
  command: () => "LC_ALL=C zypper --non-interactive -q list-updates",
  parse: (output) =>
    output.exitCode === 0
      ? lines(output.stdout).flatMap((line) => {
          const cells = line.split("|").map((cell) => cell.trim());
          return cells[0] === "v" && cells[2] ? [cells[2]] : [];
        })
      : unreadable(cannotRead("the packages zypper would update", output.stderr, "list")),
});

/** The arguments of the RpmPackageFile fact. */
export interface RpmPackageFileArgs {
  /** The .rpm's path on the host, or its URL. */
  src: string;
}

/** The package an .rpm file holds. */
export interface RpmPackageFileInfo {
  /** Its name. */
  name: string;
  /** Its version-release. */
  version: string;
}

/**
 * The name and version-release of an .rpm file on the host or at a URL (rpm -qp).
 * `await host.getFact("RpmPackageFile", { src })`.
 */
export const RpmPackageFile = defineFact<RpmPackageFileArgs, RpmPackageFileInfo>({
  name: "RpmPackageFile",
  description: "the package an .rpm file holds",
  arguments: { src: { type: "string", description: "the .rpm's path on the host, or its URL", required: true } },
  command: ({ src }) => `LC_ALL=C rpm -qp --queryformat '%{NAME}|%{VERSION}-%{RELEASE}\\n' ${shellQuote(src)}`,
  parse: (output, { src }) => {
    const [name, version] = (lines(output.stdout)[0] ?? "").split("|");
    return output.exitCode === 0 && name && version
      ? { name, version }
      : unreadable(cannotRead(src, output.stderr || "not an RPM package", "read"));
  },
});

/** The arguments of the RpmKeyImported fact. */
export interface RpmKeyImportedArgs {
  /** The key file's path on the host, or its URL. */
  src: string;
}

/**
 * Whether every signing key in a key file (a path on the host or a URL) is imported into rpm (a
 * gpg-pubkey-<id> package each).
 * `await host.getFact("RpmKeyImported", { src })`.
 */
export const RpmKeyImported = defineFact<RpmKeyImportedArgs, boolean>({
  name: "RpmKeyImported",
  description: "whether a key file's signing keys are imported into rpm",
  arguments: { src: { type: "string", description: "the key file's path on the host, or its URL", required: true } },
  command: ({ src }) => {
    const from = shellQuote(src);
    const fetch = src.includes("://")
      ? `{ curl -fsSL -o "$t" ${from} || wget -q -O "$t" ${from}; }`
      : `cat ${from} > "$t"`;
    return [
      `(t=$(mktemp) && g=$(mktemp -d) || exit 1`,
      `if ! ${fetch}; then rm -rf "$t" "$g"; exit 1; fi`,
      `ids=$(GNUPGHOME="$g" gpg --batch --with-colons "$t" 2>/dev/null | awk -F: '$1=="pub"{print tolower(substr($5,9))}')`,
      `rm -rf "$t" "$g"`,
      `[ -n "$ids" ] || { echo "it holds no OpenPGP public key" >&2; exit 1; }`,
      `for id in $ids; do rpm -q "gpg-pubkey-$id" >/dev/null 2>&1 || { echo missing; exit 0; }; done; echo imported)`,
    ].join("\n");
  },
  parse: (output, { src }) => {
    const said = output.stdout.trim();
    return output.exitCode === 0 && (said === "imported" || said === "missing")
      ? said === "imported"
      : unreadable(cannotRead(src, output.stderr || "no signing key found", "read"));
  },
});
