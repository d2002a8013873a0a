// dnf.update: upgrade every installed package (dnf update), unless none has an upgrade.
import { DnfUpgradable } from "../../facts/packages.js";
import { defineUpgradeAll } from "../shared/upgrade-all.js";

export const update = defineUpgradeAll({
  name: "dnf.update",
  description: "Upgrade all installed packages (dnf update -y) unless dnf check-update finds none to upgrade.",
  upgradable: DnfUpgradable,
  command: "dnf update -y",
});
