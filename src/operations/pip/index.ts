// pip.*: Python packages (optionally in a virtualenv) and virtualenvs.
export { packages } from "./packages.js";
export { venv } from "./venv.js";
export { virtualenv } from "./virtualenv.js";
