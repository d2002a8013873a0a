// npm.*: Node.js packages, globally or in a project directory.
export { packages } from "./packages.js";
