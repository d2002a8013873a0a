export declare const casks: import("../operation.js").Operation<{
    packages: string[];
    present: boolean;
    latest: boolean;
    upgrade: boolean;
}, undefined>;
