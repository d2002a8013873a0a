export { packages } from "./packages.js";
export { remote } from "./remote.js";
