import { type OperationPlan } from "../operation.js";
import type { ServiceArgs } from "./service-args.js";
export declare function serviceActions(args: ServiceArgs, active: boolean, command: (verb: string) => string): string[];
export declare function planSystemdService(args: ServiceArgs, status: Record<string, boolean>, enabled: Record<string, boolean>): OperationPlan;
