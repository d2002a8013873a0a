export { auto } from "./auto.js";
export { manage } from "./manage.js";
export { service } from "./service.js";
