// gem.packages: Ruby gems.
import { GemPackages } from "../../facts/tool-packages.js";
import { defineOperation } from "../operation.js";
import { rejectUnknown } from "../shared/args.js";
import { readPackageList } from "../shared/package-args.js";
import { withPackages } from "../shared/package-managers.js";
import { planToolPackages, splitAtLast } from "../shared/tool-packages.js";

// The gem's name of a "name:version" spec.
const nameOf = (spec: string) => splitAtLast(":")(spec, {}).name;

export const packages = defineOperation({
  name: "gem.packages",
  description: "Install, remove or update (latest) Ruby gems; name:version pins a version.",
  validate: (args) => {
    rejectUnknown(args, ["packages", "present", "latest"], "gem.packages");
    return readPackageList(args);
  },
  facts: () => [{ fact: GemPackages }],
  plan: (args, facts) =>
    planToolPackages(args, facts.get(GemPackages), {
      splitSpec: splitAtLast(":"),
      install: (packages) => withPackages("gem install", packages, []),
      upgrade: (packages) => withPackages("gem update", packages.map(nameOf), []),
      // Every installed version, and its executables, without asking (a prompt would wait on stdin).
      remove: (packages) => withPackages("gem uninstall --all --executables", packages.map(nameOf), []),
    }),
});
