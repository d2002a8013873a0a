import type { CallArgs } from "./call.js";
export declare const raise_exception: import("../operation.js").Operation<CallArgs, undefined>;
