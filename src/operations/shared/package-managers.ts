// How apt, dnf, yum and apk spell install, remove and list refresh.
import { shellQuote } from "../../util/shell-quote.js";

// One package manager's commands.
export interface PackageManagerCommands {
  // The separator of a version in a package spec ("=" for apt: nginx=1.22.1-9)
  versionSeparator?: string;
  install(packages: string[], extra: string[]): string;
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
  versionSeparator: "=",
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
  install: (packages, extra) => withPackages("dnf install -y", packages, extra),
  remove: (packages, extra) => withPackages("dnf remove -y", packages, extra),
  update: "dnf makecache",
};

// yum.
export const yumCommands: PackageManagerCommands = {
  install: (packages, extra) => withPackages("yum install -y", packages, extra),
  remove: (packages, extra) => withPackages("yum remove -y", packages, extra),
  update: "yum makecache",
};

// apk (Alpine).
export const apkCommands: PackageManagerCommands = {
  install: (packages, extra) => withPackages("apk add", packages, extra),
  remove: (packages, extra) => withPackages("apk del", packages, extra),
  update: "apk update",
};
