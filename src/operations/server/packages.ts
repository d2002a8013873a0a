// server.packages: packages with whichever package manager the host has.
import {
  ApkPackages,
  ApkUpgradable,
  AptListsAge,
  AptUpgradable,
  DebPackages,
  DnfUpgradable,
  PackageManager,
  PacmanPackages,
  PacmanUpgradable,
  RpmPackages,
  YumUpgradable,
  ZypperUpgradable,
} from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { packageKeys, readPackageArgs } from "../shared/package-args.js";
import {
  apkCommands,
  aptCommands,
  dnfCommands,
  pacmanCommands,
  yumCommands,
  zypperCommands,
} from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "server.packages",
  description: "Install or remove packages with the host's package manager (apt, dnf, yum, apk, zypper or pacman).",
  validate: (args) => readPackageArgs(args, "server.packages", packageKeys),
  // Every manager's facts are asked for in the one gathering; only the detected manager's are read (a
  // missing tool's unreadable facts never are).
  facts: (args) => [
    { fact: PackageManager },
    { fact: DebPackages },
    { fact: RpmPackages },
    { fact: ApkPackages },
    { fact: PacmanPackages },
    ...(args.latest
      ? [
          { fact: AptUpgradable, args: { dist: false } },
          { fact: DnfUpgradable },
          { fact: YumUpgradable },
          { fact: ApkUpgradable },
          { fact: ZypperUpgradable },
          { fact: PacmanUpgradable },
        ]
      : []),
    ...(args.cacheTime !== undefined ? [{ fact: AptListsAge }] : []),
  ],
  plan: (args, facts) => {
    const manager = facts.get(PackageManager);
    const upgradable = (fact: typeof DnfUpgradable) => (args.latest ? facts.get(fact) : []);
    switch (manager) {
      case "apt":
        return planPackages(
          args,
          facts.get(DebPackages),
          aptCommands,
          args.latest ? facts.get(AptUpgradable, { dist: false }) : [],
          args.cacheTime !== undefined ? facts.get(AptListsAge) : null,
        );
      case "dnf":
        return planPackages(args, facts.get(RpmPackages), dnfCommands, upgradable(DnfUpgradable));
      case "yum":
        return planPackages(args, facts.get(RpmPackages), yumCommands, upgradable(YumUpgradable));
      case "apk":
        return planPackages(args, facts.get(ApkPackages), apkCommands, upgradable(ApkUpgradable));
      case "zypper":
        return planPackages(args, facts.get(RpmPackages), zypperCommands, upgradable(ZypperUpgradable));
      case "pacman":
        return planPackages(args, facts.get(PacmanPackages), pacmanCommands, upgradable(PacmanUpgradable));
      default:
        throw new OperationArgumentError(
          "the host has none of apt-get, dnf, yum, apk, zypper or pacman; use server.shell to install packages.",
        );
    }
  },
});
