export type PackageVersions = Record<string, string[]>;
export declare const DebPackages: import("./fact.js").Fact<undefined, PackageVersions>;
export declare const RpmPackages: import("./fact.js").Fact<undefined, PackageVersions>;
export declare const ApkPackages: import("./fact.js").Fact<undefined, PackageVersions>;
export declare const PipPackages: import("./fact.js").Fact<{
    pip?: string;
}, PackageVersions>;
export declare function normalisePipName(name: string): string;
export declare const PackageManager: import("./fact.js").Fact<undefined, "apt" | "dnf" | "yum" | "apk" | null>;
export declare const AptListsAge: import("./fact.js").Fact<undefined, number | null>;
export declare const AptUpgradable: import("./fact.js").Fact<{
    dist?: boolean;
}, string[]>;
