// pacman.upgrade: upgrade every installed package (pacman -Su), unless none has an upgrade.
import { PacmanUpgradable } from "../../facts/packages.js";
import { defineUpgradeAll } from "../shared/upgrade-all.js";

export const upgrade = defineUpgradeAll({
  name: "pacman.upgrade",
  description: "Upgrade all installed packages (pacman --noconfirm -Su) unless pacman -Qu lists none.",
  upgradable: PacmanUpgradable,
  command: "pacman --noconfirm -Su",
});
