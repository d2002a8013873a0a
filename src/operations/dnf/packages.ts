// dnf.packages: install, remove or upgrade packages with dnf.
import { DnfUpgradable, RpmPackages } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { dnfCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "dnf.packages",
  description:
    "Install (present), remove (present: false) or upgrade (latest) packages with dnf; name=version (or name-version) pins a version.",
  validate: (args) => readPackageArgs(args, "dnf.packages"),
  facts: (args) => [{ fact: RpmPackages }, ...(args.latest ? [{ fact: DnfUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(RpmPackages), dnfCommands, args.latest ? facts.get(DnfUpgradable) : []),
});
