export declare const locale: import("../operation.js").Operation<{
    locale: string;
    present: boolean;
}, undefined>;
