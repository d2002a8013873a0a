// brew.upgrade: upgrade every outdated formula and cask.
import { BrewOutdated } from "../../facts/tool-packages.js";
import { defineUpgradeAll } from "../shared/upgrade-all.js";

export const upgrade = defineUpgradeAll({
  name: "brew.upgrade",
  description: "Upgrade all outdated Homebrew formulae and casks (brew upgrade) unless brew outdated lists none.",
  upgradable: BrewOutdated,
  command: "brew upgrade",
});
