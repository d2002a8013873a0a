import type { PackageVersions } from "./packages.js";
/**
 * Installed Homebrew formulae and their versions (brew list --versions).
 * `await host.getFact("BrewPackages")`; no arguments.
 */
export declare const BrewPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * Installed Homebrew casks and their versions (brew list --cask --versions).
 * `await host.getFact("BrewCasks")`; no arguments.
 */
export declare const BrewCasks: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * Homebrew taps ("user/repo"), lowercased as brew names them.
 * `await host.getFact("BrewTaps")`; no arguments.
 */
export declare const BrewTaps: import("./fact.js").Fact<undefined, string[]>;
/** An installed snap: its version and the channel it tracks. */
export interface SnapInfo {
    /** The installed version. */
    version: string;
    /** The channel it tracks ("latest/stable", "4.0/stable"), "" when none (a local install). */
    channel: string;
}
/**
 * Installed snaps with their version and tracked channel (snap list).
 * `await host.getFact("SnapPackages")`; no arguments.
 */
export declare const SnapPackages: import("./fact.js").Fact<undefined, Record<string, SnapInfo>>;
/**
 * Installed Ruby gems and their versions (gem list --local; "default: " versions included).
 * `await host.getFact("GemPackages")`; no arguments.
 */
export declare const GemPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * Applications installed with pipx and their versions (pipx list --short; names lowercased).
 * `await host.getFact("PipxPackages")`; no arguments.
 */
export declare const PipxPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/**
 * pipx's settings (pipx environment): PIPX_HOME, PIPX_BIN_DIR, … with the values pipx uses.
 * `await host.getFact("PipxEnvironment")`; no arguments.
 */
export declare const PipxEnvironment: import("./fact.js").Fact<undefined, Record<string, string>>;
/**
 * Crates installed with cargo install and their versions.
 * `await host.getFact("CargoPackages")`; no arguments.
 */
export declare const CargoPackages: import("./fact.js").Fact<undefined, PackageVersions>;
/** The arguments of the FlatpakPackages fact. */
export interface FlatpakPackagesArgs {
    /** The current user's installation instead of the system's. */
    user?: boolean;
}
/**
 * Installed flatpak applications and runtimes by ID ("org.videolan.VLC").
 * `await host.getFact("FlatpakPackages", { user })`.
 */
export declare const FlatpakPackages: import("./fact.js").Fact<FlatpakPackagesArgs, string[]>;
/**
 * The PATH the operation's commands run with.
 * `await host.getFact("Path")`; no arguments.
 */
export declare const Path: import("./fact.js").Fact<undefined, string[]>;
/**
 * Homebrew formulae and casks with a newer version (brew outdated --quiet).
 * `await host.getFact("BrewOutdated")`; no arguments.
 */
export declare const BrewOutdated: import("./fact.js").Fact<undefined, string[]>;
/** The arguments of the FlatpakRemotes fact. */
export interface FlatpakRemotesArgs {
    /** The current user's installation instead of the system's. */
    user?: boolean;
}
/**
 * The flatpak remotes configured ("flathub").
 * `await host.getFact("FlatpakRemotes", { user })`.
 */
export declare const FlatpakRemotes: import("./fact.js").Fact<FlatpakRemotesArgs, string[]>;
