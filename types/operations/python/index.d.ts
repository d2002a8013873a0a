export { call } from "./call.js";
export { raise_exception } from "./raise-exception.js";
