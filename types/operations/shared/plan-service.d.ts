import { type OperationPlan } from "../operation.js";
import type { ServiceArgs } from "./service-args.js";
export declare function serviceActions(args: ServiceArgs, active: boolean | null, command: (verb: string) => string): string[];
export declare function serviceState(name: string, active: boolean | null): string;
export declare function planSystemdService(args: ServiceArgs, status: Record<string, boolean>, enabled: Record<string, boolean>, systemctl?: string): OperationPlan;
