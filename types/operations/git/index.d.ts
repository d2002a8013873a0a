export { config } from "./config.js";
export { repo } from "./repo.js";
