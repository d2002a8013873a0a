export declare const replace: import("../operation.js").Operation<{
    path: string;
    text: string;
    replace: string;
    flags: string;
}, undefined>;
