// apk.packages: install or remove packages with apk.
import { ApkPackages, ApkUpgradable } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { apkCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "apk.packages",
  description: "Install or remove Alpine packages with apk.",
  validate: (args) => readPackageArgs(args, "apk.packages"),
  facts: (args) => [{ fact: ApkPackages }, ...(args.latest ? [{ fact: ApkUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(ApkPackages), apkCommands, args.latest ? facts.get(ApkUpgradable) : []),
});
