export interface PackageArgs {
    packages: string[];
    present: boolean;
    latest: boolean;
    update: boolean;
    cacheTime?: number;
    extraInstallArgs: string[];
    extraUninstallArgs: string[];
}
export declare const packageKeys: string[];
export declare function readPackageArgs(args: Record<string, unknown>, operation: string, known?: string[]): PackageArgs;
export declare function readPackageList(args: Record<string, unknown>): {
    packages: string[];
    present: boolean;
    latest: boolean;
};
