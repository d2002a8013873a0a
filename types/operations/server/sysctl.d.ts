export declare const sysctl: import("../operation.js").Operation<{
    key: string;
    value: string;
    persist: boolean;
    persistFile: string;
}, undefined>;
