export declare function runningCommand(name: string): string;
export declare const kill: import("../operation.js").Operation<{
    process: string;
    signal: string;
}, undefined>;
