// yum.packages: install or remove packages with yum.
import { RpmPackages, YumUpgradable } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { yumCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "yum.packages",
  description: "Install or remove packages with yum.",
  validate: (args) => readPackageArgs(args, "yum.packages"),
  facts: (args) => [{ fact: RpmPackages }, ...(args.latest ? [{ fact: YumUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(RpmPackages), yumCommands, args.latest ? facts.get(YumUpgradable) : []),
});
