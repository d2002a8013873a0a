import type { FileInfo } from "../../facts/files.js";
export interface Ownership {
    user?: string;
    group?: string;
    mode?: string;
}
export declare function ownershipCommands(path: string, current: FileInfo | null, wanted: Ownership, recursive?: boolean): string[];
export declare function parentDirectoryCommand(path: string): string;
