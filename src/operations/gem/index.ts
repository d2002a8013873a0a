// gem.*: Ruby gems.
export { packages } from "./packages.js";
