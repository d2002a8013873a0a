export declare const dist_upgrade: import("../operation.js").Operation<{
    autoRemove: boolean;
}, undefined>;
