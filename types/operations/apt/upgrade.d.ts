export declare const upgrade: import("../operation.js").Operation<{
    autoRemove: boolean;
    dist: boolean;
}, undefined>;
