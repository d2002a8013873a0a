export declare const remote: import("../operation.js").Operation<{
    src: string;
    url: string | undefined;
    present: boolean;
    user: boolean;
}, undefined>;
