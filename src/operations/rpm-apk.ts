// dnf.packages, yum.packages and apk.packages.
import { ApkPackages, RpmPackages } from "../facts/packages.js";
import { defineOperation } from "./operation.js";
import { apkCommands, dnfCommands, planPackages, readPackageArgs, yumCommands } from "./packages.js";

export const dnfPackages = defineOperation({
  name: "dnf.packages",
  description: "Install or remove packages with dnf.",
  validate: (args) => readPackageArgs(args, "dnf.packages"),
  facts: () => [{ fact: RpmPackages }],
  plan: (args, facts) => planPackages(args, facts.get(RpmPackages), dnfCommands),
});

export const yumPackages = defineOperation({
  name: "yum.packages",
  description: "Install or remove packages with yum.",
  validate: (args) => readPackageArgs(args, "yum.packages"),
  facts: () => [{ fact: RpmPackages }],
  plan: (args, facts) => planPackages(args, facts.get(RpmPackages), yumCommands),
});

export const apkPackages = defineOperation({
  name: "apk.packages",
  description: "Install or remove Alpine packages with apk.",
  validate: (args) => readPackageArgs(args, "apk.packages"),
  facts: () => [{ fact: ApkPackages }],
  plan: (args, facts) => planPackages(args, facts.get(ApkPackages), apkCommands),
});
