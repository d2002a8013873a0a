// apk.update: refresh the package indexes.
import { defineAlwaysRun } from "../shared/upgrade-all.js";

export const update = defineAlwaysRun({
  name: "apk.update",
  description: "Refresh the package indexes (apk update; always a change).",
  command: "apk update",
  reason: "refresh the package indexes",
});
