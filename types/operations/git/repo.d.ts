export declare const repo: import("../operation.js").Operation<{
    src: string;
    dest: string;
    branch: string | undefined;
    pull: boolean;
    rebase: boolean;
    user: string | undefined;
    group: string | undefined;
}, undefined>;
