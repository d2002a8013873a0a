export declare const packages: import("../operation.js").Operation<{
    pip: string;
    extra: string[];
    packages: string[];
    present: boolean;
    latest: boolean;
}, undefined>;
