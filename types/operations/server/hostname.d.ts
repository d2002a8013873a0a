export declare const hostname: import("../operation.js").Operation<{
    hostname: string;
}, undefined>;
