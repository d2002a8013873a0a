export interface PackageManagerCommands {
    versionSeparator?: string;
    install(packages: string[], extra: string[]): string;
    remove(packages: string[], extra: string[]): string;
    update?: string;
}
export declare function withPackages(prefix: string, packages: string[], extra: string[]): string;
export declare const aptCommands: PackageManagerCommands;
export declare const dnfCommands: PackageManagerCommands;
export declare const yumCommands: PackageManagerCommands;
export declare const apkCommands: PackageManagerCommands;
