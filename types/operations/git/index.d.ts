export { bare_repo } from "./bare-repo.js";
export { config } from "./config.js";
export { repo } from "./repo.js";
export { worktree } from "./worktree.js";
