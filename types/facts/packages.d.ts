/** Installed packages: each name with its installed versions. */
export type PackageVersions = Record<string, string[]>;
/**
 * Installed Debian packages (dpkg status "ii").
 * `await host.getFact("DebPackages")`; no arguments.
 */
export declare const DebPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * Installed RPM packages.
 * `await host.getFact("RpmPackages")`; no arguments.
 */
export declare const RpmPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * Installed Alpine packages ("name-1.2.3-r0").
 * `await host.getFact("ApkPackages")`; no arguments.
 */
export declare const ApkPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/** The arguments of the PipPackages fact. */
export interface PipPackagesArgs {
    /** The pip command (default: pip3). */
    pip?: string;
}
/**
 * Packages pip has installed (names lowercased, `_` as `-`), for a given pip command.
 * `await host.getFact("PipPackages", { pip })`.
 */
export declare const PipPackages: import("./fact.js").Fact<PipPackagesArgs, PackageVersions>;
export declare function normalisePipName(name: string): string;
/**
 * Which package manager the host has: apt, dnf, yum or apk (null when none).
 * `await host.getFact("PackageManager")`; no arguments.
 */
export declare const PackageManager: import("./fact.js").Fact<undefined, "apt" | "dnf" | "yum" | "apk" | null>;
/**
 * Seconds since the apt package lists were last updated (null when never).
 * `await host.getFact("AptListsAge")`; no arguments.
 */
export declare const AptListsAge: import("./fact.js").Fact<undefined, number | null>;
/** The arguments of the AptUpgradable fact. */
export interface AptUpgradableArgs {
    /** Dist-upgrade instead of upgrade. */
    dist?: boolean;
}
/**
 * Debian packages that an upgrade would change (apt-get -s upgrade).
 * `await host.getFact("AptUpgradable", { dist })`.
 */
export declare const AptUpgradable: import("./fact.js").Fact<AptUpgradableArgs, string[]>;
