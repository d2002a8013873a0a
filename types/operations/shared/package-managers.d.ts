import type { PackageVersions } from "../../facts/packages.js";
export interface PackageSpec {
    name: string;
    version?: string;
}
export interface PackageManagerCommands {
    splitSpec?(spec: string, installed: PackageVersions): PackageSpec;
    versionMatches?(installed: string, pinned: string): boolean;
    install(packages: string[], extra: string[]): string;
    upgrade?(packages: string[], extra: string[]): string;
    remove(packages: string[], extra: string[]): string;
    update?: string;
}
export declare function withPackages(prefix: string, packages: string[], extra: string[]): string;
export declare const aptCommands: PackageManagerCommands;
export declare const dnfCommands: PackageManagerCommands;
export declare const yumCommands: PackageManagerCommands;
export declare const apkCommands: PackageManagerCommands;
export declare const pacmanCommands: PackageManagerCommands;
export declare const zypperCommands: PackageManagerCommands;
