import { type OperationPlan } from "../operation.js";
export declare function planEditedFile(path: string, before: string | null, after: string, mode: number | undefined): OperationPlan;
