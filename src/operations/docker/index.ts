// docker.*: containers, images, networks, volumes and plugins of the host's Docker engine, and pruning.
export { container } from "./container.js";
export { image } from "./image.js";
export { network } from "./network.js";
export { plugin } from "./plugin.js";
export { prune } from "./prune.js";
export { volume } from "./volume.js";
