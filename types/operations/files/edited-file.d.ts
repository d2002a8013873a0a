import type { FileContentsInfo } from "../../facts/files.js";
import { type OperationPlan } from "../operation.js";
export declare function planEditedFile(path: string, before: string | null, after: string, remote: FileContentsInfo | null): OperationPlan;
