export declare const timezone: import("../operation.js").Operation<{
    timezone: string;
}, undefined>;
