// bsdinit.*: bsdinit services.
export { service } from "./service.js";
