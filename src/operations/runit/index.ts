// runit.*: runit services, their links into the service directory and their down files.
export { auto } from "./auto.js";
export { manage } from "./manage.js";
export { service } from "./service.js";
