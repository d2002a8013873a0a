// Package operations of every manager share one plan: what is missing, what is extra, what to upgrade.
import { shellQuote } from "../connectors/shell.js";
import type { PackageVersions } from "../facts/packages.js";
import { booleanArg, optionalNumber, refuseOptionLike, rejectUnknown, stringList } from "./args.js";
import { change, noop, type OperationPlan } from "./operation.js";

export interface PackageArgs {
  packages: string[];
  present: boolean;
  latest: boolean;
  update: boolean;
  cacheTime?: number;
  extraInstallArgs: string[];
  extraUninstallArgs: string[];
}

export const packageKeys = [
  "packages",
  "present",
  "latest",
  "update",
  "cache_time",
  "extra_install_args",
  "extra_uninstall_args",
];

// Reads the arguments every package operation takes (pyinfra's names).
export function readPackageArgs(args: Record<string, unknown>, operation: string, known = packageKeys): PackageArgs {
  rejectUnknown(args, known, operation);
  const packages = stringList(args, "packages", { required: true });
  for (const name of packages) refuseOptionLike(name, "packages", "give options in extra_install_args.");
  return {
    packages,
    present: booleanArg(args, "present", true),
    latest: booleanArg(args, "latest", false),
    update: booleanArg(args, "update", false),
    cacheTime: optionalNumber(args, "cache_time"),
    extraInstallArgs: stringList(args, "extra_install_args"),
    extraUninstallArgs: stringList(args, "extra_uninstall_args"),
  };
}

export interface PackageManagerCommands {
  // The separator of a version in a package spec ("=" for apt: nginx=1.22.1-9)
  versionSeparator?: string;
  install(packages: string[], extra: string[]): string;
  remove(packages: string[], extra: string[]): string;
  // Refreshes package lists (run first when update is true and something is to be installed).
  update?: string;
}

// Plans installs, upgrades and removals from the installed packages.
export function planPackages(
  args: PackageArgs,
  installed: PackageVersions,
  manager: PackageManagerCommands,
  upgradable: readonly string[] = [],
  listsAge: number | null = null,
): OperationPlan {
  const nameOf = (spec: string) =>
    manager.versionSeparator ? (spec.split(manager.versionSeparator)[0] ?? spec) : spec;
  const isInstalled = (spec: string) => {
    const versions = installed[nameOf(spec)];
    if (!versions) return false;
    const version =
      manager.versionSeparator && spec.includes(manager.versionSeparator)
        ? spec.slice(spec.indexOf(manager.versionSeparator) + 1)
        : undefined;
    return version === undefined || versions.includes(version);
  };
  if (!args.present) {
    const remove = args.packages.filter((spec) => installed[nameOf(spec)]);
    if (remove.length === 0) return noop(`${plural(args.packages, "is", "are")} not installed`);
    return change([manager.remove(remove, args.extraUninstallArgs)], { reason: `remove ${remove.join(", ")}` });
  }
  const missing = args.packages.filter((spec) => !isInstalled(spec));
  const upgrade = args.latest
    ? args.packages.filter((spec) => isInstalled(spec) && upgradable.includes(nameOf(spec)))
    : [];
  const listsStale = args.cacheTime !== undefined && (listsAge === null || listsAge > args.cacheTime);
  const todo = [...missing, ...upgrade];
  if (todo.length === 0 && !(args.update && listsStale))
    return noop(
      `${plural(args.packages, "is", "are")} already installed${args.latest ? " at the latest version" : ""}`,
    );
  const commands = [
    ...(args.update && manager.update && (args.cacheTime === undefined || listsStale) ? [manager.update] : []),
    ...(todo.length ? [manager.install(todo, args.extraInstallArgs)] : []),
  ];
  const reason = [
    missing.length ? `install ${missing.join(", ")}` : "",
    upgrade.length ? `upgrade ${upgrade.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return change(commands, reason ? { reason } : {});
}

function plural(packages: string[], one: string, many: string): string {
  return packages.length === 1 ? `package ${packages[0]} ${one}` : `packages ${packages.join(", ")} ${many}`;
}

// Quotes package names and extra arguments into a command.
export function withPackages(prefix: string, packages: string[], extra: string[]): string {
  return [prefix, ...extra.map(shellQuote), ...packages.map(shellQuote)].join(" ");
}

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

export const dnfCommands: PackageManagerCommands = {
  install: (packages, extra) => withPackages("dnf install -y", packages, extra),
  remove: (packages, extra) => withPackages("dnf remove -y", packages, extra),
  update: "dnf makecache",
};

export const yumCommands: PackageManagerCommands = {
  install: (packages, extra) => withPackages("yum install -y", packages, extra),
  remove: (packages, extra) => withPackages("yum remove -y", packages, extra),
  update: "yum makecache",
};

export const apkCommands: PackageManagerCommands = {
  install: (packages, extra) => withPackages("apk add", packages, extra),
  remove: (packages, extra) => withPackages("apk del", packages, extra),
  update: "apk update",
};
