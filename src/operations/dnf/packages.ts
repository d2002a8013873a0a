// dnf.packages: install or remove packages with dnf.
import { DnfUpgradable, RpmPackages } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { dnfCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "dnf.packages",
  description: "Install or remove packages with dnf.",
  validate: (args) => readPackageArgs(args, "dnf.packages"),
  facts: (args) => [{ fact: RpmPackages }, ...(args.latest ? [{ fact: DnfUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(RpmPackages), dnfCommands, args.latest ? facts.get(DnfUpgradable) : []),
});
