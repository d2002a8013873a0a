// yum.packages: install, remove or upgrade packages with yum.
import { RpmPackages, YumUpgradable } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { yumCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "yum.packages",
  description:
    "Install (present), remove (present: false) or upgrade (latest) packages with yum; name=version (or name-version) pins a version.",
  validate: (args) => readPackageArgs(args, "yum.packages"),
  facts: (args) => [{ fact: RpmPackages }, ...(args.latest ? [{ fact: YumUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(RpmPackages), yumCommands, args.latest ? facts.get(YumUpgradable) : []),
});
