// brew.casks: Homebrew casks.
import { BrewCasks } from "../../facts/tool-packages.js";
import { defineOperation } from "../operation.js";
import { booleanArg, refuseOptionLike, rejectUnknown, stringList } from "../shared/args.js";
import { withPackages } from "../shared/package-managers.js";
import { planToolPackages, splitAtLast } from "../shared/tool-packages.js";

export const casks = defineOperation({
  name: "brew.casks",
  description:
    "Install, remove or upgrade (latest) Homebrew casks; upgrade runs brew upgrade --cask before installing.",
  validate: (args) => {
    rejectUnknown(args, ["casks", "present", "latest", "upgrade"], "brew.casks");
    const packages = stringList(args, "casks", { required: true });
    for (const cask of packages) refuseOptionLike(cask, "casks", 'give cask names, e.g. casks: ["firefox"].');
    return {
      packages,
      present: booleanArg(args, "present", true),
      latest: booleanArg(args, "latest", false),
      upgrade: booleanArg(args, "upgrade", false),
    };
  },
  facts: () => [{ fact: BrewCasks }],
  plan: (args, facts) =>
    planToolPackages(
      args,
      facts.get(BrewCasks),
      {
        splitSpec: splitAtLast("@"),
        install: (casks) => withPackages("brew install --cask", casks, []),
        upgrade: (casks) => withPackages("brew upgrade --cask", casks, []),
        remove: (casks) => withPackages("brew uninstall --cask", casks, []),
      },
      args.upgrade ? ["brew upgrade --cask"] : [],
    ),
});
