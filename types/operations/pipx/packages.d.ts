export declare const packages: import("../operation.js").Operation<{
    extra: string[];
    packages: string[];
    present: boolean;
    latest: boolean;
}, undefined>;
