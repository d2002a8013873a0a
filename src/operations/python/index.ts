// python.*: functions of the deploy code run on this machine during apply (pyinfra's names).
export { call } from "./call.js";
export { raise_exception } from "./raise-exception.js";
