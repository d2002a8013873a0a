// Upgrading every installed package (dnf.update, yum.update, apk.upgrade, pacman.upgrade, zypper.update):
// planned from the manager's list of upgradable packages, so nothing to upgrade is a no-op.
import type { Fact } from "../../facts/fact.js";
import { change, defineOperation, noop } from "../operation.js";
import { rejectUnknown } from "./args.js";

// Defines an operation upgrading every package `upgradable` lists with `command`.
export function defineUpgradeAll(options: {
  name: string;
  description: string;
  upgradable: Fact<undefined, string[]>;
  command: string;
}) {
  return defineOperation({
    name: options.name,
    description: options.description,
    validate: (args) => {
      rejectUnknown(args, [], options.name);
      return {};
    },
    facts: () => [{ fact: options.upgradable }],
    plan: (_args, facts) => {
      const pending = facts.get(options.upgradable);
      return pending.length
        ? change([options.command], { reason: `upgrade ${pending.join(", ")}` })
        : noop("no packages to upgrade");
    },
  });
}

// Defines an operation that always runs `command` (refreshing package lists: nothing tells it is needed).
export function defineAlwaysRun(options: { name: string; description: string; command: string; reason: string }) {
  return defineOperation({
    name: options.name,
    description: options.description,
    validate: (args) => {
      rejectUnknown(args, [], options.name);
      return {};
    },
    facts: () => [],
    plan: () => change([options.command], { reason: options.reason }),
  });
}
