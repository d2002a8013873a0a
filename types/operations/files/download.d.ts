export declare const download: import("../operation.js").Operation<{
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
    src: string;
    dest: string;
    sha256sum: string | undefined;
    force: boolean;
}, undefined>;
