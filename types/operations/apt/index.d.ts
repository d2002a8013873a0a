export { key } from "./key.js";
export { packages } from "./packages.js";
export { repo } from "./repo.js";
export { update } from "./update.js";
export { upgrade } from "./upgrade.js";
