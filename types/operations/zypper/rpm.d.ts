export declare const rpm: import("../operation.js").Operation<{
    src: string;
    present: boolean;
}, undefined>;
