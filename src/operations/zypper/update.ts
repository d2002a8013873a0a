// zypper.update: upgrade every installed package (zypper update), unless none has an upgrade.
import { ZypperUpgradable } from "../../facts/packages.js";
import { defineUpgradeAll } from "../shared/upgrade-all.js";

export const update = defineUpgradeAll({
  name: "zypper.update",
  description: "Upgrade all installed packages (zypper update -y) unless zypper list-updates finds none.",
  upgradable: ZypperUpgradable,
  command: "zypper --non-interactive update -y",
});
