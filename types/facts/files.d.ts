export interface FileInfo {
    user: string;
    group: string;
    mode: number;
    size: number;
    mtime: string;
}
export interface LinkInfo extends FileInfo {
    link_target: string;
}
type PathArgs = {
    path: string;
};
export declare const File: import("./fact.js").Fact<PathArgs, false | FileInfo | null>;
export declare const Directory: import("./fact.js").Fact<PathArgs, false | FileInfo | null>;
export declare const Link: import("./fact.js").Fact<PathArgs, false | LinkInfo | null>;
export declare const Sha256File: import("./fact.js").Fact<PathArgs, string | null>;
export declare const FindInFile: import("./fact.js").Fact<{
    path: string;
    pattern: string;
}, string[] | null>;
export interface FileContentsInfo extends FileInfo {
    sha256: string;
    content: string | null;
}
export declare const contentLimit: number;
export declare const FileContents: import("./fact.js").Fact<PathArgs, false | FileContentsInfo | null>;
export declare const DirectoryEntries: import("./fact.js").Fact<PathArgs, string[] | null>;
export declare const DirectoryHashes: import("./fact.js").Fact<PathArgs, Record<string, string> | null>;
export {};
