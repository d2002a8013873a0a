export declare const wait: import("../operation.js").Operation<{
    port: number;
    timeout: number;
}, undefined>;
