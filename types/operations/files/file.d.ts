export declare const file: import("../operation.js").Operation<{
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
    path: string;
    present: boolean;
    touch: boolean;
    createRemoteDir: boolean;
    force: boolean;
}, undefined>;
