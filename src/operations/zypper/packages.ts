// zypper.packages: install, remove or upgrade openSUSE/SLES packages.
import { RpmPackages, ZypperUpgradable } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { zypperCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "zypper.packages",
  description:
    "Install (present), remove (present: false) or upgrade (latest) openSUSE/SLES packages with zypper; name=version pins.",
  validate: (args) => readPackageArgs(args, "zypper.packages"),
  facts: (args) => [{ fact: RpmPackages }, ...(args.latest ? [{ fact: ZypperUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(RpmPackages), zypperCommands, args.latest ? facts.get(ZypperUpgradable) : []),
});
