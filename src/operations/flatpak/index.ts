// flatpak.*: flatpak applications and runtimes.
export { packages } from "./packages.js";
