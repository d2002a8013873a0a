export declare const ppa: import("../operation.js").Operation<{
    src: string;
    present: boolean;
}, undefined>;
