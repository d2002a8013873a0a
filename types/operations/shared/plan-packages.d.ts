import type { PackageVersions } from "../../facts/packages.js";
import { type OperationPlan } from "../operation.js";
import type { PackageArgs } from "./package-args.js";
import type { PackageManagerCommands } from "./package-managers.js";
export declare function planPackages(args: PackageArgs, installed: PackageVersions, manager: PackageManagerCommands, upgradable?: readonly string[], listsAge?: number | null): OperationPlan;
