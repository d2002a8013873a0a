// apk.packages: install or remove packages with apk.
import { ApkPackages } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { apkCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "apk.packages",
  description: "Install or remove Alpine packages with apk.",
  validate: (args) => readPackageArgs(args, "apk.packages"),
  facts: () => [{ fact: ApkPackages }],
  plan: (args, facts) => planPackages(args, facts.get(ApkPackages), apkCommands),
});
