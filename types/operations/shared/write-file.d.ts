import type { FileContentsInfo } from "../../facts/files.js";
import { type Command, type OperationPlan } from "../operation.js";
import { type Ownership } from "./ownership.js";
export declare function writeFileCommands(dest: string, content: Buffer, remote: FileContentsInfo | false | null, wanted: Ownership & {
    createRemoteDir: boolean;
}): {
    commands: Command[];
    diff?: string;
} | null;
export declare function planWrittenFile(dest: string, content: Buffer, remote: FileContentsInfo | false | null, wanted: Ownership & {
    createRemoteDir: boolean;
}): OperationPlan;
