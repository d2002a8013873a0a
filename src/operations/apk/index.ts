// apk.*: Alpine packages, index refreshes and upgrades.
export { packages } from "./packages.js";
export { update } from "./update.js";
export { upgrade } from "./upgrade.js";
