export declare const service: import("../operation.js").Operation<{
    manager: import("../../facts/services.js").SystemdArgs | undefined;
    service: string;
    running?: boolean;
    restarted: boolean;
    reloaded: boolean;
    enabled?: boolean;
    daemonReload: boolean;
    command?: string;
}, undefined>;
