// apt.dist_upgrade: upgrade the installed packages, installing or removing what the upgrades need.
import { AptUpgradable } from "../../facts/packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";

export const dist_upgrade = defineOperation({
  name: "apt.dist_upgrade",
  description: "Upgrade installed packages with apt-get dist-upgrade (installing or removing what upgrades need).",
  validate: (args) => {
    rejectUnknown(args, ["auto_remove"], "apt.dist_upgrade");
    return { autoRemove: booleanArg(args, "auto_remove", false) };
  },
  facts: () => [{ fact: AptUpgradable, args: { dist: true } }],
  plan: (args, facts) => {
    const pending = facts.get(AptUpgradable, { dist: true });
    if (pending.length === 0) return noop("no packages to upgrade");
    return change(
      [
        "DEBIAN_FRONTEND=noninteractive apt-get dist-upgrade -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold",
        ...(args.autoRemove ? ["DEBIAN_FRONTEND=noninteractive apt-get autoremove -y"] : []),
      ],
      { reason: `upgrade ${pending.join(", ")}` },
    );
  },
});
