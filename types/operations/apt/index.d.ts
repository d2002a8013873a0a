export { deb } from "./deb.js";
export { dist_upgrade } from "./dist-upgrade.js";
export { key } from "./key.js";
export { packages } from "./packages.js";
export { ppa } from "./ppa.js";
export { repo } from "./repo.js";
export { update } from "./update.js";
export { upgrade } from "./upgrade.js";
