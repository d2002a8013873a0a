export declare const key: import("../operation.js").Operation<{
    src: string;
    dest: string;
}, undefined>;
