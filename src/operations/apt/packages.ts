// apt.packages: install, remove or upgrade Debian packages.
import { AptListsAge, AptUpgradable, DebPackages } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { aptCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "apt.packages",
  description:
    "Install (present), remove (present: false) or upgrade (latest) Debian packages; update refreshes the lists first.",
  validate: (args) => readPackageArgs(args, "apt.packages"),
  facts: (args) => [
    { fact: DebPackages },
    ...(args.latest ? [{ fact: AptUpgradable, args: { dist: false } }] : []),
    ...(args.cacheTime !== undefined ? [{ fact: AptListsAge }] : []),
  ],
  plan: (args, facts) =>
    planPackages(
      args,
      facts.get(DebPackages),
      aptCommands,
      args.latest ? facts.get(AptUpgradable, { dist: false }) : [],
      args.cacheTime !== undefined ? facts.get(AptListsAge) : null,
    ),
});
