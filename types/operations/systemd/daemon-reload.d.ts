export declare const daemon_reload: import("../operation.js").Operation<{}, undefined>;
