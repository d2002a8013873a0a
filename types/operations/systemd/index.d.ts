export { daemon_reload } from "./daemon-reload.js";
export { service } from "./service.js";
