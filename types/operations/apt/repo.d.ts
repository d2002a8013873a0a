export declare const repo: import("../operation.js").Operation<{
    src: string;
    present: boolean;
    path: string;
}, undefined>;
