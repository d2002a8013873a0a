export declare const keyscan: import("../operation.js").Operation<{
    hostname: string;
    force: boolean;
    port: number;
}, undefined>;
