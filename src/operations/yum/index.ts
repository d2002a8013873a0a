// yum.*: RPM packages with yum.
export { packages } from "./packages.js";
