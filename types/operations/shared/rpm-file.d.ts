export declare function defineRpmFile(family: "dnf" | "yum" | "zypper"): import("../operation.js").Operation<{
    src: string;
    present: boolean;
}, undefined>;
