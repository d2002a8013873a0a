export declare const group: import("../operation.js").Operation<{
    group: string;
    present: boolean;
    system: boolean;
    gid: number | undefined;
}, undefined>;
