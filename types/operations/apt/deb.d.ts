export declare const deb: import("../operation.js").Operation<{
    src: string;
    present: boolean;
    force: boolean;
}, undefined>;
