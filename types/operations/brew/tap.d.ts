export declare const tap: import("../operation.js").Operation<{
    src: string;
    url: string | undefined;
    present: boolean;
}, undefined>;
