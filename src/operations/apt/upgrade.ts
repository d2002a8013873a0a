// apt.upgrade: upgrade the installed packages.
import { AptUpgradable } from "../../facts/packages.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";

export const upgrade = defineOperation({
  name: "apt.upgrade",
  description: "Upgrade installed packages (dist_upgrade: also install or remove what upgrades need).",
  validate: (args) => {
    rejectUnknown(args, ["auto_remove", "dist_upgrade"], "apt.upgrade");
    return { autoRemove: booleanArg(args, "auto_remove", false), dist: booleanArg(args, "dist_upgrade", false) };
  },
  facts: (args) => [{ fact: AptUpgradable, args: { dist: args.dist } }],
  plan: (args, facts) => {
    const pending = facts.get(AptUpgradable, { dist: args.dist });
    if (pending.length === 0) return noop("no packages to upgrade");
    const upgradeCommand = `DEBIAN_FRONTEND=noninteractive apt-get ${args.dist ? "dist-upgrade" : "upgrade"} -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold`;
    return change(
      [upgradeCommand, ...(args.autoRemove ? ["DEBIAN_FRONTEND=noninteractive apt-get autoremove -y"] : [])],
      {
        reason: `upgrade ${pending.join(", ")}`,
      },
    );
  },
});
