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
/** A package manager infra-action drives. */
export type PackageManagerName = "apt" | "dnf" | "yum" | "apk" | "zypper" | "pacman";
/**
 * Which package manager the host has: apt, dnf, yum, apk, zypper or pacman, first found in that order (null when none).
 * `await host.getFact("PackageManager")`; no arguments.
 */
export declare const PackageManager: import("./fact.js").Fact<undefined, PackageManagerName | null>;
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
/**
 * RPM packages dnf would upgrade (dnf check-update: exit 100 when there are updates).
 * `await host.getFact("DnfUpgradable")`; no arguments.
 */
export declare const DnfUpgradable: import("./fact.js").Fact<undefined, string[]>;
/**
 * RPM packages yum would update (yum check-update: exit 100 when there are updates).
 * `await host.getFact("YumUpgradable")`; no arguments.
 */
export declare const YumUpgradable: import("./fact.js").Fact<undefined, string[]>;
/**
 * Alpine packages apk would upgrade (apk version -l '<').
 * `await host.getFact("ApkUpgradable")`; no arguments.
 */
export declare const ApkUpgradable: import("./fact.js").Fact<undefined, string[]>;
/**
 * Installed Arch packages (pacman -Q: "name version").
 * `await host.getFact("PacmanPackages")`; no arguments.
 */
export declare const PacmanPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * Arch packages pacman would upgrade (pacman -Qu: "name old -> new"; exit 1 with no output when none).
 * `await host.getFact("PacmanUpgradable")`; no arguments.
 */
export declare const PacmanUpgradable: import("./fact.js").Fact<undefined, string[]>;
/**
 * Packages zypper would update (zypper list-updates: "v | repo | name | current | available | arch" rows).
 * `await host.getFact("ZypperUpgradable")`; no arguments.
 */
export declare const ZypperUpgradable: import("./fact.js").Fact<undefined, string[]>;
/** The arguments of the RpmPackageFile fact. */
export interface RpmPackageFileArgs {
    /** The .rpm's path on the host, or its URL. */
    src: string;
}
/** The package an .rpm file holds. */
export interface RpmPackageFileInfo {
    /** Its name. */
    name: string;
    /** Its version-release. */
    version: string;
}
/**
 * The name and version-release of an .rpm file on the host or at a URL (rpm -qp).
 * `await host.getFact("RpmPackageFile", { src })`.
 */
export declare const RpmPackageFile: import("./fact.js").Fact<RpmPackageFileArgs, RpmPackageFileInfo>;
/** The arguments of the RpmKeyImported fact. */
export interface RpmKeyImportedArgs {
    /** The key file's path on the host, or its URL. */
    src: string;
}
/**
 * Whether every signing key in a key file (a path on the host or a URL) is imported into rpm (a
 * gpg-pubkey-<id> package each).
 * `await host.getFact("RpmKeyImported", { src })`.
 */
export declare const RpmKeyImported: import("./fact.js").Fact<RpmKeyImportedArgs, boolean>;
