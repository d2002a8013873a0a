// How apt, dnf, yum and apk spell install, remove and list refresh.
import type { PackageVersions } from "../../facts/packages.js";
import { shellQuote } from "../../util/shell-quote.js";

// A package spec read: the name, and the pinned version if any.
export interface PackageSpec {
  name: string;
  version?: string;
}

// Splits "name=version" at its first "=".
function splitAtEquals(spec: string): PackageSpec {
  const at = spec.indexOf("=");
  return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name: spec };
}

// RPM specs: "name=version" or "name-version" (the first "-" before a digit; an installed name wins).
function splitRpmSpec(spec: string, installed: PackageVersions): PackageSpec {
  if (spec.includes("=")) return splitAtEquals(spec);
  if (Object.hasOwn(installed, spec)) return { name: spec };
  const match = /^(.+?)-(\d.*)$/.exec(spec);
  return match?.[1] && match[2] ? { name: match[1], version: match[2] } : { name: spec };
}

// A pin without its release ("1.20.1") matches every release of that version ("1.20.1-14.el9").
function matchesVersionPrefix(installed: string, pinned: string): boolean {
  return installed === pinned || installed.startsWith(`${pinned}-`);
}

// RPM tools take "name-version": an "=" pin is spelled so.
function rpmSpecs(packages: string[]): string[] {
  return packages.map((spec) => spec.replace("=", "-"));
}

// One package manager's commands.
export interface PackageManagerCommands {
  // How a version pin in a spec reads ("=" for apt and apk; "=" or "-" for dnf and yum), default: no pins.
  splitSpec?(spec: string, installed: PackageVersions): PackageSpec;
  // Whether an installed version satisfies a pin (default: equal).
  versionMatches?(installed: string, pinned: string): boolean;
  install(packages: string[], extra: string[]): string;
  // Upgrades installed packages (default: install them again, as apt-get does).
  upgrade?(packages: string[], extra: string[]): string;
  remove(packages: string[], extra: string[]): string;
  // Refreshes package lists (run first when update is true and something is to be installed).
  update?: string;
}

// Quotes package names and extra arguments into a command.
export function withPackages(prefix: string, packages: string[], extra: string[]): string {
  return [prefix, ...extra.map(shellQuote), ...packages.map(shellQuote)].join(" ");
}

// apt-get, non-interactive, keeping configuration files the admin changed.
export const aptCommands: PackageManagerCommands = {
  splitSpec: splitAtEquals,
  install: (packages, extra) =>
    withPackages(
      "DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold",
      packages,
      extra,
    ),
  remove: (packages, extra) => withPackages("DEBIAN_FRONTEND=noninteractive apt-get remove -y", packages, extra),
  update: "apt-get update",
};

// dnf.
export const dnfCommands: PackageManagerCommands = {
  splitSpec: splitRpmSpec,
  versionMatches: matchesVersionPrefix,
  install: (packages, extra) => withPackages("dnf install -y", rpmSpecs(packages), extra),
  upgrade: (packages, extra) => withPackages("dnf upgrade -y", packages, extra),
  remove: (packages, extra) => withPackages("dnf remove -y", rpmSpecs(packages), extra),
  update: "dnf makecache",
};

// yum.
export const yumCommands: PackageManagerCommands = {
  splitSpec: splitRpmSpec,
  versionMatches: matchesVersionPrefix,
  install: (packages, extra) => withPackages("yum install -y", rpmSpecs(packages), extra),
  upgrade: (packages, extra) => withPackages("yum update -y", packages, extra),
  remove: (packages, extra) => withPackages("yum remove -y", rpmSpecs(packages), extra),
  update: "yum makecache",
};

// apk (Alpine).
export const apkCommands: PackageManagerCommands = {
  splitSpec: splitAtEquals,
  versionMatches: matchesVersionPrefix,
  upgrade: (packages, extra) => withPackages("apk add -u", packages, extra),
  install: (packages, extra) => withPackages("apk add", packages, extra),
  remove: (packages, extra) => withPackages("apk del", packages, extra),
  update: "apk update",
};

// pacman (Arch); installing an installed package again upgrades it.
export const pacmanCommands: PackageManagerCommands = {
  install: (packages, extra) => withPackages("pacman --noconfirm -S", packages, extra),
  remove: (packages, extra) => withPackages("pacman --noconfirm -R", packages, extra),
  update: "pacman -Sy",
};

// zypper (openSUSE, SLES), non-interactive; pins are "name=version".
export const zypperCommands: PackageManagerCommands = {
  splitSpec: splitAtEquals,
  versionMatches: matchesVersionPrefix,
  install: (packages, extra) => withPackages("zypper --non-interactive install -y", packages, extra),
  upgrade: (packages, extra) => withPackages("zypper --non-interactive update -y", packages, extra),
  remove: (packages, extra) => withPackages("zypper --non-interactive remove -y", packages, extra),
  update: "zypper --non-interactive refresh",
};
