export declare const service: import("../operation.js").Operation<{
    managed: boolean;
    service: string;
    svdir: string;
    sourcedir: string;
    running?: boolean;
    restarted: boolean;
    reloaded: boolean;
    enabled?: boolean;
    daemonReload: boolean;
    command?: string;
}, undefined>;
