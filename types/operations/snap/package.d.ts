export declare const package_: import("../operation.js").Operation<{
    packages: string[];
    present: boolean;
    channel: string;
    classic: boolean;
}, undefined>;
