export { ensurePath as ensure_path } from "./ensure-path.js";
export { packages } from "./packages.js";
export { upgradeAll as upgrade_all } from "./upgrade-all.js";
