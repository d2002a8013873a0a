// apk.*: Alpine packages.
export { packages } from "./packages.js";
