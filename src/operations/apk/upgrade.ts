// apk.upgrade: upgrade every installed package, unless none has an upgrade.
import { ApkUpgradable } from "../../facts/packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";

export const upgrade = defineOperation({
  name: "apk.upgrade",
  description:
    "Upgrade all installed packages (apk upgrade) unless none has an upgrade; available: true always runs apk upgrade --available.",
  validate: (args) => {
    rejectUnknown(args, ["available"], "apk.upgrade");
    return { available: booleanArg(args, "available", false) };
  },
  facts: (args) => (args.available ? [] : [{ fact: ApkUpgradable }]),
  plan: (args, facts) => {
    // --available also replaces packages by the repositories' versions (downgrades included, as on an
    // Alpine release upgrade): the list of newer versions cannot tell, so it always runs.
    if (args.available) return change(["apk upgrade --available"], { reason: "upgrade to the available versions" });
    const pending = facts.get(ApkUpgradable);
    return pending.length
      ? change(["apk upgrade"], { reason: `upgrade ${pending.join(", ")}` })
      : noop("no packages to upgrade");
  },
});
