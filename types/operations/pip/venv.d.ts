export declare const venv: import("../operation.js").Operation<{
    path: string;
    python: string;
    sitePackages: boolean;
    present: boolean;
}, undefined>;
