// cargo.packages: Rust crates installed with cargo install.
import { CargoPackages } from "../../facts/tool-packages.js";
import { defineOperation } from "../operation.js";
import { rejectUnknown } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";
import { withPackages } from "../shared/package-managers.js";
import { planToolPackages, splitAtLast } from "../shared/tool-packages.js";

export const packages = defineOperation({
  name: "cargo.packages",
  description: "Install, remove or upgrade (latest) crates with cargo install; name@version pins a version.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "present", "latest"], "cargo.packages");
    return readPackageList(args);
  },
  facts: () => [{ fact: CargoPackages }],
  plan: (args, facts) =>
    planToolPackages(args, facts.get(CargoPackages), {
      splitSpec: splitAtLast("@"),
      install: (packages) => withPackages("cargo install", packages, []),
      // cargo install of an installed crate installs its newest version when there is one.
      upgrade: (packages) => withPackages("cargo install", packages, []),
      remove: (packages) =>
        withPackages(
          "cargo uninstall",
          packages.map((spec) => splitAtLast("@")(spec, {}).name),
          [],
        ),
    }),
});
