export { packages } from "./packages.js";
export { venv } from "./venv.js";
export { virtualenv } from "./virtualenv.js";
