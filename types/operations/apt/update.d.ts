export declare const update: import("../operation.js").Operation<{
    cacheTime: number | undefined;
}, undefined>;
