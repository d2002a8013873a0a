// brew.update: refresh Homebrew and its taps.
import { defineAlwaysRun } from "../shared/upgrade-all.js";

export const update = defineAlwaysRun({
  name: "brew.update",
  description: "Refresh Homebrew and its formulae (brew update; always a change).",
  command: "brew update",
  reason: "refresh Homebrew",
});
