// brew.*: Homebrew formulae, casks, taps, updates and upgrades (macOS and Linuxbrew).
export { casks } from "./casks.js";
export { packages } from "./packages.js";
export { tap } from "./tap.js";
export { update } from "./update.js";
export { upgrade } from "./upgrade.js";
