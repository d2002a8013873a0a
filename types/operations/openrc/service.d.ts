import { type OperationPlan } from "../operation.js";
import { type ServiceArgs } from "../shared/service-args.js";
export interface OpenrcServiceArgs extends ServiceArgs {
    runlevel: string;
}
export declare function planOpenrcService(args: ServiceArgs & {
    runlevel?: string;
}, status: Record<string, boolean>, enabled: Record<string, boolean>): OperationPlan;
export declare const service: import("../operation.js").Operation<OpenrcServiceArgs, undefined>;
