export declare const config: import("../operation.js").Operation<{
    key: string;
    value: string;
    repo: string | undefined;
}, undefined>;
