export interface CallArgs {
    function: (...args: unknown[]) => unknown;
    args: unknown[];
    kwargs?: Record<string, unknown>;
    description: string;
}
export declare const call: import("../operation.js").Operation<CallArgs, undefined>;
export declare function callbackOf(args: unknown): (() => unknown) | undefined;
