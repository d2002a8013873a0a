// Package operations of every manager share one plan: what is missing, what is extra, what to upgrade.
import type { PackageVersions } from "../../facts/packages.js";
import { change, noop, type OperationPlan } from "../operation.js";
import type { PackageArgs } from "./package-args.js";
import type { PackageManagerCommands } from "./package-managers.js";

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
