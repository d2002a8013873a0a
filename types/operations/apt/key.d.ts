export declare const key: import("../operation.js").Operation<{
    src: string | undefined;
    keyserver: string | undefined;
    keyid: string | undefined;
    dest: string;
    present: boolean;
}, undefined>;
