// cargo.*: Rust crates.
export { packages } from "./packages.js";
