// openrc.*: OpenRC services and their runlevels.
export { service } from "./service.js";
