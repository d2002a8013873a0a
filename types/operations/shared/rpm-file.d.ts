export declare function defineRpmFile(family: "dnf" | "yum"): import("../operation.js").Operation<{
    src: string;
    present: boolean;
}, undefined>;
