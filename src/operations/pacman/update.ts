// pacman.update: refresh the package databases.
import { defineAlwaysRun } from "../shared/upgrade-all.js";

export const update = defineAlwaysRun({
  name: "pacman.update",
  description: "Refresh the package databases (pacman -Sy; always a change).",
  command: "pacman -Sy",
  reason: "refresh the package databases",
});
