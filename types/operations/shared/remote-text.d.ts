import type { FileContentsInfo } from "../../facts/files.js";
export declare function remoteText(path: string, remote: FileContentsInfo | false | null): string | null;
