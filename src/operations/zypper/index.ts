// zypper.*: openSUSE and SLES packages.
export { packages } from "./packages.js";
