// Installed packages: Debian (dpkg), RPM and Alpine (apk), and pip. Each maps a name to its versions.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, lines } from "./fact.js";

export type PackageVersions = Record<string, string[]>;

function addVersion(packages: PackageVersions, name: string, version: string): void {
  packages[name] = [...(Object.hasOwn(packages, name) ? (packages[name] ?? []) : []), version];
}

// Installed Debian packages (dpkg status "ii").
export const DebPackages = defineFact<undefined, PackageVersions>({
  name: "DebPackages",
  description: "installed Debian packages and versions",
  arguments: {},
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's format fields.
  command: () => "dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Version}\\n' 2>/dev/null || true",
  parse: ({ stdout }) => {
    const packages: PackageVersions = emptyRecord();
    for (const line of lines(stdout)) {
      const [status = "", name, version = ""] = line.split("|");
      if (status.startsWith("ii") && name) addVersion(packages, name, version);
    }
    return packages;
  },
});

// Installed RPM packages.
export const RpmPackages = defineFact<undefined, PackageVersions>({
  name: "RpmPackages",
  description: "installed RPM packages and versions",
  arguments: {},
  command: () => "rpm -qa --queryformat '%{NAME}|%{VERSION}-%{RELEASE}\\n' 2>/dev/null || true",
  parse: ({ stdout }) => {
    const packages: PackageVersions = emptyRecord();
    for (const line of lines(stdout)) {
      const [name, version = ""] = line.split("|");
      if (name) addVersion(packages, name, version);
    }
    return packages;
  },
});

// Installed Alpine packages ("name-1.2.3-r0").
export const ApkPackages = defineFact<undefined, PackageVersions>({
  name: "ApkPackages",
  description: "installed Alpine packages and versions",
  arguments: {},
  command: () => "apk info -v 2>/dev/null || true",
  parse: ({ stdout }) => {
    const packages: PackageVersions = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^(.+)-([^-]+-r\d+)$/.exec(line.trim());
      if (match?.[1] && match[2]) addVersion(packages, match[1], match[2]);
    }
    return packages;
  },
});

// Packages pip has installed (names lowercased, `_` as `-`), for a given pip command.
export const PipPackages = defineFact<{ pip?: string }, PackageVersions>({
  name: "PipPackages",
  description: "packages installed by pip",
  arguments: { pip: { type: "string", description: "the pip command (default: pip3)" } },
  command: ({ pip = "pip3" } = {}) => `${shellQuote(pip)} freeze --all 2>/dev/null || true`,
  parse: ({ stdout }) => {
    const packages: PackageVersions = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^([A-Za-z0-9_.-]+)==(.+)$/.exec(line.trim());
      if (match?.[1] && match[2]) addVersion(packages, normalisePipName(match[1]), match[2]);
    }
    return packages;
  },
});

// pip's canonical form of a package name.
export function normalisePipName(name: string): string {
  return name.toLowerCase().replace(/[_.]+/g, "-");
}

// Which package manager the host has: apt, dnf, yum or apk (null when none).
export const PackageManager = defineFact<undefined, "apt" | "dnf" | "yum" | "apk" | null>({
  name: "PackageManager",
  description: "the host's package manager",
  arguments: {},
  command: () => "for m in apt-get dnf yum apk; do if command -v $m >/dev/null 2>&1; then echo $m; break; fi; done",
  parse: ({ stdout }) => {
    const found = stdout.trim();
    return found === "apt-get" ? "apt" : found === "dnf" || found === "yum" || found === "apk" ? found : null;
  },
});

// Seconds since the apt package lists were last updated (null when never).
export const AptListsAge = defineFact<undefined, number | null>({
  name: "AptListsAge",
  description: "seconds since apt's package lists were last updated",
  arguments: {},
  command: () =>
    "t=$(stat -c %Y /var/lib/apt/periodic/update-success-stamp 2>/dev/null || stat -c %Y /var/lib/apt/lists 2>/dev/null) && echo $(( $(date +%s) - t ))",
  parse: ({ stdout }) => (/^\d+$/.test(stdout.trim()) ? Number(stdout.trim()) : null),
});

// Debian packages that an upgrade would change (apt-get -s upgrade).
export const AptUpgradable = defineFact<{ dist?: boolean }, string[]>({
  name: "AptUpgradable",
  description: "packages apt would upgrade",
  arguments: { dist: { type: "boolean", description: "dist-upgrade instead of upgrade" } },
  command: ({ dist } = {}) =>
    `LC_ALL=C apt-get -s ${dist ? "dist-upgrade" : "upgrade"} 2>/dev/null | grep '^Inst ' || true`,
  parse: ({ stdout }) => lines(stdout).flatMap((line) => line.split(/\s+/)[1] ?? []),
});
