export declare const packages: import("../operation.js").Operation<{
    packages: string[];
    present: boolean;
    latest: boolean;
}, undefined>;
