// pipx.upgrade_all: upgrade every pipx application.
import { PipxPackages } from "../../facts/tool-packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { rejectUnknown } from "../shared/args.js";

export const upgradeAll = defineOperation({
  name: "pipx.upgrade_all",
  description: "Upgrade every application installed with pipx (pipx upgrade-all; a change whenever one is installed).",
  validate: (args) => {
    rejectUnknown(args, [], "pipx.upgrade_all");
    return {};
  },
  facts: () => [{ fact: PipxPackages }],
  // Whether a newer version exists is only known by asking the index: with applications installed it runs.
  plan: (_args, facts) => {
    const apps = Object.keys(facts.get(PipxPackages));
    return apps.length
      ? change(["pipx upgrade-all"], { reason: `upgrade ${apps.join(", ")}` })
      : noop("no applications installed with pipx");
  },
});
