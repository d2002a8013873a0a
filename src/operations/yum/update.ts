// yum.update: upgrade every installed package (yum update), unless none has an upgrade.
import { YumUpgradable } from "../../facts/packages.js";
import { defineUpgradeAll } from "../shared/upgrade-all.js";

export const update = defineUpgradeAll({
  name: "yum.update",
  description: "Upgrade all installed packages (yum update -y) unless yum check-update finds none to upgrade.",
  upgradable: YumUpgradable,
  command: "yum update -y",
});
