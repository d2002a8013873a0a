export declare const kill: import("../operation.js").Operation<{
    process: string;
    signal: string;
}, undefined>;
