// pacman.packages: install, remove or upgrade Arch packages.
import { PacmanPackages, PacmanUpgradable } from "../../facts/packages.js";
import { defineOperation } from "../operation.js";
import { readPackageArgs } from "../shared/package-args.js";
import { pacmanCommands } from "../shared/package-managers.js";
import { planPackages } from "../shared/plan-packages.js";

export const packages = defineOperation({
  name: "pacman.packages",
  description: "Install (present), remove (present: false) or upgrade (latest) Arch packages with pacman.",
  validate: (args) => readPackageArgs(args, "pacman.packages"),
  facts: (args) => [{ fact: PacmanPackages }, ...(args.latest ? [{ fact: PacmanUpgradable }] : [])],
  plan: (args, facts) =>
    planPackages(args, facts.get(PacmanPackages), pacmanCommands, args.latest ? facts.get(PacmanUpgradable) : []),
});
