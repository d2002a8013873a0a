// server.packages: packages with whichever package manager the host has.
import { ApkPackages, DebPackages, PackageManager, RpmPackages } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { packageKeys, readPackageArgs } from "../shared/package-args.js";
import { apkCommands, aptCommands, dnfCommands, yumCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "server.packages",
  description: "Install or remove packages with the host's package manager (apt, dnf, yum or apk).",
  validate: (args) => readPackageArgs(args, "server.packages", packageKeys),
  facts: () => [{ fact: PackageManager }, { fact: DebPackages }, { fact: RpmPackages }, { fact: ApkPackages }],
  plan: (args, facts) => {
    const manager = facts.get(PackageManager);
    switch (manager) {
      case "apt":
        return planPackages(args, facts.get(DebPackages), aptCommands);
      case "dnf":
        return planPackages(args, facts.get(RpmPackages), dnfCommands);
      case "yum":
        return planPackages(args, facts.get(RpmPackages), yumCommands);
      case "apk":
        return planPackages(args, facts.get(ApkPackages), apkCommands);
      default:
        throw new OperationArgumentError(
          "the host has none of apt-get, dnf, yum or apk; use server.shell to install packages.",
        );
    }
  },
});
