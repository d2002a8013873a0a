export { container } from "./container.js";
export { image } from "./image.js";
export { network } from "./network.js";
export { plugin } from "./plugin.js";
export { prune } from "./prune.js";
export { volume } from "./volume.js";
