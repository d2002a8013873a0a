// flatpak.*: flatpak applications, runtimes and remotes.
export { packages } from "./packages.js";
export { remote } from "./remote.js";
