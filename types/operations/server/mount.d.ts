export declare const mount: import("../operation.js").Operation<{
    path: string;
    mounted: boolean;
    options: string[];
    device: string | undefined;
    fsType: string | undefined;
}, undefined>;
