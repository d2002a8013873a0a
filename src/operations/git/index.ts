// git.*: clones kept at a branch's latest commit, and git config values.
export { config } from "./config.js";
export { repo } from "./repo.js";
