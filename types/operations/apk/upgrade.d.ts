export declare const upgrade: import("../operation.js").Operation<{
    available: boolean;
}, undefined>;
