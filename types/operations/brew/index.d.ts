export { casks } from "./casks.js";
export { packages } from "./packages.js";
export { tap } from "./tap.js";
export { update } from "./update.js";
export { upgrade } from "./upgrade.js";
