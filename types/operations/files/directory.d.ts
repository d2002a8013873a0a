export declare const directory: import("../operation.js").Operation<{
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
    path: string;
    present: boolean;
    recursive: boolean;
    force: boolean;
}, undefined>;
