import type { FileContentsInfo } from "../../facts/files.js";
import type { Command } from "../operation.js";
import { type Ownership } from "./ownership.js";
export declare function writeFileCommands(dest: string, content: Buffer, remote: FileContentsInfo | false | null, wanted: Ownership & {
    createRemoteDir: boolean;
    ifSha256?: string;
}): {
    commands: Command[];
    diff?: string;
} | null;
