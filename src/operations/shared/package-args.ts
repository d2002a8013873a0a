// The arguments every package operation takes (pyinfra's names), read and checked once.
import { booleanArg, optionalNumber, refuseOptionLike, rejectUnknown, stringList } from "./args.js";

// A package operation's arguments, checked.
export interface PackageArgs {
  packages: string[];
  present: boolean;
  latest: boolean;
  update: boolean;
  cacheTime?: number;
  extraInstallArgs: string[];
  extraUninstallArgs: string[];
}

// The argument names of apt/dnf/yum/apk/server.packages.
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
  return {
    ...readPackageList(args),
    update: booleanArg(args, "update", false),
    cacheTime: optionalNumber(args, "cache_time"),
    extraInstallArgs: stringList(args, "extra_install_args"),
    extraUninstallArgs: stringList(args, "extra_uninstall_args"),
  };
}

// The package list and the two wishes every package operation shares: present, and latest.
export function readPackageList(args: Record<string, unknown>): {
  packages: string[];
  present: boolean;
  latest: boolean;
} {
  const packages = stringList(args, "packages", { required: true });
  for (const name of packages) refuseOptionLike(name, "packages", "give options in extra_install_args.");
  return { packages, present: booleanArg(args, "present", true), latest: booleanArg(args, "latest", false) };
}
