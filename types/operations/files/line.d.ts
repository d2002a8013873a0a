export declare const line: import("../operation.js").Operation<{
    path: string;
    line: string;
    present: boolean;
    replace: string | undefined;
    escape: boolean;
}, undefined>;
