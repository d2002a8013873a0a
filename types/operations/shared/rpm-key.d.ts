export declare function defineRpmKey(family: "dnf" | "yum" | "zypper"): import("../operation.js").Operation<{
    src: string;
}, undefined>;
