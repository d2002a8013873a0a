export declare const bare_repo: import("../operation.js").Operation<{
    path: string;
    user: string | undefined;
    group: string | undefined;
    present: boolean;
}, undefined>;
