// launchd.*: launchd services.
export { service } from "./service.js";
