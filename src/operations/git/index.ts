// git.*: clones kept at a branch's latest commit, working trees, bare repositories and git config values.
export { bare_repo } from "./bare-repo.js";
export { config } from "./config.js";
export { repo } from "./repo.js";
export { worktree } from "./worktree.js";
