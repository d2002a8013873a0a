// pacman.*: Arch Linux packages.
export { packages } from "./packages.js";
