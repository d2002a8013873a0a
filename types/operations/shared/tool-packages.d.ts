import type { PackageVersions } from "../../facts/packages.js";
import type { OperationPlan } from "../operation.js";
import type { PackageManagerCommands } from "./package-managers.js";
export interface ToolPackageArgs {
    packages: string[];
    present: boolean;
    latest: boolean;
    extraInstallArgs?: string[];
}
export declare function planToolPackages(args: ToolPackageArgs, installed: PackageVersions, commands: PackageManagerCommands, before?: string[]): OperationPlan;
export declare function splitAtLast(separator: string): (spec: string, installed: PackageVersions) => {
    name: string;
    version?: string;
};
