import { type FactLookup, type FactNeed, type OperationPlan } from "../operation.js";
import { type ServiceArgs } from "../shared/service-args.js";
export declare function startLinksCommand(service: string): string;
export declare function sysvinitFacts(args: ServiceArgs): FactNeed[];
export declare function planSysvinitService(args: ServiceArgs, facts: FactLookup): OperationPlan;
export declare const service: import("../operation.js").Operation<ServiceArgs, undefined>;
