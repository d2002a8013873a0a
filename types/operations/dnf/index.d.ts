export { key } from "./key.js";
export { packages } from "./packages.js";
export { repo } from "./repo.js";
export { rpm } from "./rpm.js";
export { update } from "./update.js";
