export declare const repo: import("../operation.js").Operation<{
    src: string;
    dest: string;
    branch: string | undefined;
    pull: boolean;
    rebase: boolean;
    user: string | undefined;
    group: string | undefined;
    sshHost: {
        hostname: string;
        port: number;
    } | undefined;
    updateSubmodules: boolean;
    recursiveSubmodules: boolean;
    depth: number | undefined;
}, undefined>;
