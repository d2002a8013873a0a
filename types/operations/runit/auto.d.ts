export declare const auto: import("../operation.js").Operation<{
    auto: boolean;
    service: string;
    svdir: string;
    sourcedir: string;
}, undefined>;
