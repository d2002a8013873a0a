// sysvinit.*: /etc/init.d services and their runlevel links.
export { enable } from "./enable.js";
export { service } from "./service.js";
