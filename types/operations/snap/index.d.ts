export { package_ as package } from "./package.js";
