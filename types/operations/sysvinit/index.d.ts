export { enable } from "./enable.js";
export { service } from "./service.js";
