// Package operations of tools beside the system's package manager (brew, gem, cargo, npm, pipx): one plan.
import type { PackageVersions } from "../../facts/packages.js";
import type { OperationPlan } from "../operation.js";
import type { PackageManagerCommands } from "./package-managers.js";
import { planPackages } from "./plan-packages.js";

// The arguments such an operation takes, checked.
export interface ToolPackageArgs {
  packages: string[];
  present: boolean;
  latest: boolean;
  extraInstallArgs?: string[];
}

// Plans installs, removals and (latest) upgrades: with latest, every installed package without a
// pinned version is handed to the tool's upgrade, which leaves one at its newest version as it is.
export function planToolPackages(
  args: ToolPackageArgs,
  installed: PackageVersions,
  commands: PackageManagerCommands,
  before: string[] = [],
): OperationPlan {
  const split = (spec: string) => commands.splitSpec?.(spec, installed) ?? { name: spec };
  const upgradable = args.latest
    ? args.packages.map(split).flatMap((s) => (s.version === undefined ? [s.name] : []))
    : [];
  const plan = planPackages(
    { ...args, update: before.length > 0, extraInstallArgs: args.extraInstallArgs ?? [], extraUninstallArgs: [] },
    installed,
    { ...commands, ...(before.length ? { update: before.join(" && ") } : {}) },
    upgradable,
  );
  return plan;
}

// "name<sep>version" split at the last separator; a name the tool lists as installed whole is a name
// ("python@3.11" is a Homebrew formula of its own).
export function splitAtLast(separator: string) {
  return (spec: string, installed: PackageVersions): { name: string; version?: string } => {
    if (Object.hasOwn(installed, spec)) return { name: spec };
    const at = spec.lastIndexOf(separator);
    return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + separator.length) } : { name: spec };
  };
}
