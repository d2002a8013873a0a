export declare const key: import("../operation.js").Operation<{
    src: string;
}, undefined>;
