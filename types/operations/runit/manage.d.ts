export declare const manage: import("../operation.js").Operation<{
    managed: boolean;
    service: string;
    svdir: string;
    sourcedir: string;
}, undefined>;
