export declare function defineRpmKey(family: "dnf" | "yum"): import("../operation.js").Operation<{
    src: string;
}, undefined>;
