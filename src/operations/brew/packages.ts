// brew.packages: Homebrew formulae.
import { BrewPackages } from "../../facts/tool-packages.js";
import { defineOperation } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";
import { withPackages } from "../shared/package-managers.js";
import { planToolPackages, splitAtLast } from "../shared/tool-packages.js";

export const packages = defineOperation({
  name: "brew.packages",
  description:
    "Install, remove or upgrade (latest) Homebrew formulae; update/upgrade run brew update/upgrade before installing.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "present", "latest", "update", "upgrade"], "brew.packages");
    return {
      ...readPackageList(args),
      update: booleanArg(args, "update", false),
      upgrade: booleanArg(args, "upgrade", false),
    };
  },
  facts: () => [{ fact: BrewPackages }],
  plan: (args, facts) =>
    planToolPackages(
      args,
      facts.get(BrewPackages),
      {
        splitSpec: splitAtLast("@"),
        install: (packages) => withPackages("brew install", packages, []),
        upgrade: (packages) => withPackages("brew upgrade", packages, []),
        remove: (packages) => withPackages("brew uninstall", packages, []),
      },
      [...(args.update ? ["brew update"] : []), ...(args.upgrade ? ["brew upgrade"] : [])],
    ),
});
