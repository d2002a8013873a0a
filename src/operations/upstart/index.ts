// upstart.*: upstart services.
export { service } from "./service.js";
