// apk.packages: install, remove or upgrade packages with apk.
import { ApkPackages, ApkUpgradable } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { apkCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "apk.packages",
  description:
    "Install (present), remove (present: false) or upgrade (latest) Alpine packages with apk; name=version pins a version.",
  validate: (args) => readPackageArgs(args, "apk.packages"),
  facts: (args) => [{ fact: ApkPackages }, ...(args.latest ? [{ fact: ApkUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(ApkPackages), apkCommands, args.latest ? facts.get(ApkUpgradable) : []),
});
