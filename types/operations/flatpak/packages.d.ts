export declare const packages: import("../operation.js").Operation<{
    packages: string[];
    present: boolean;
    remote: string | undefined;
    user: boolean;
}, undefined>;
