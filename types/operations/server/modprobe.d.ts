export declare const modprobe: import("../operation.js").Operation<{
    module: string;
    present: boolean;
    force: boolean;
}, undefined>;
