export { packages } from "./packages.js";
export { update } from "./update.js";
export { upgrade } from "./upgrade.js";
