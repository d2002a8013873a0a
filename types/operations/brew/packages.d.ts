export declare const packages: import("../operation.js").Operation<{
    update: boolean;
    upgrade: boolean;
    packages: string[];
    present: boolean;
    latest: boolean;
}, undefined>;
