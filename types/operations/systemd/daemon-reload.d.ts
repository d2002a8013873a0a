export declare const daemon_reload: import("../operation.js").Operation<{
    manager: import("../../facts/services.js").SystemdArgs | undefined;
}, undefined>;
