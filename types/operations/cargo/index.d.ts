export { packages } from "./packages.js";
