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
  const split = (spec: string) => manager.splitSpec?.(spec, installed) ?? { name: spec };
  const nameOf = (spec: string) => split(spec).name;
  const matches = manager.versionMatches ?? ((have: string, pinned: string) => have === pinned);
  const isInstalled = (spec: string) => {
    const { name, version } = split(spec);
    const versions = Object.hasOwn(installed, name) ? installed[name] : undefined;
    if (!versions) return false;
    return version === undefined || versions.some((have) => matches(have, version));
  };
  if (!args.present) {
    const remove = args.packages.filter((spec) => Object.hasOwn(installed, nameOf(spec)));
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
    ...(manager.upgrade
      ? [
          ...(missing.length ? [manager.install(missing, args.extraInstallArgs)] : []),
          ...(upgrade.length ? [manager.upgrade(upgrade, args.extraInstallArgs)] : []),
        ]
      : todo.length
        ? [manager.install(todo, args.extraInstallArgs)]
        : []),
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
