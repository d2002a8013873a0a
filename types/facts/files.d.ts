/** A path's metadata, as the File and Directory facts give it. */
export interface FileInfo {
    /** The owning user's name. */
    user: string;
    /** The owning group's name. */
    group: string;
    /** The permission bits as octal digits read as a number: 644, 755. */
    mode: number;
    /** The size in bytes. */
    size: number;
    /** The modification time, ISO 8601. */
    mtime: string;
}
/** A symbolic link's metadata, as the Link fact gives it. */
export interface LinkInfo extends FileInfo {
    /** What the link points at, as written in it (not resolved). */
    link_target: string;
}
/** The argument of the facts about one path. */
export type PathArgs = {
    /** A path on the host. */
    path: string;
};
export declare function whenPresent(path: string, command: string): string;
/**
 * A regular file: null when missing, false when the path is not a regular file.
 * `await host.getFact("File", { path })`.
 */
export declare const File: import("./fact.js").Fact<PathArgs, false | FileInfo | null>;
/**
 * A directory: null when missing, false when the path is not a directory.
 * `await host.getFact("Directory", { path })`.
 */
export declare const Directory: import("./fact.js").Fact<PathArgs, false | FileInfo | null>;
/**
 * A symbolic link with its target: null when missing, false when the path is not a link.
 * `await host.getFact("Link", { path })`.
 */
export declare const Link: import("./fact.js").Fact<PathArgs, false | LinkInfo | null>;
/**
 * The SHA-256 of a file, or null when it is missing (or a directory).
 * `await host.getFact("Sha256File", { path })`.
 */
export declare const Sha256File: import("./fact.js").Fact<PathArgs, string | null>;
export declare function sha256sumHash(line: string): string | undefined;
/** The arguments of the FindInFile fact. */
export interface FindInFileArgs {
    /** A path on the host. */
    path: string;
    /** An extended regular expression (grep -E). */
    pattern: string;
}
/**
 * Lines of a file matching an extended regular expression; null when the file is missing.
 * `await host.getFact("FindInFile", { path, pattern })`.
 */
export declare const FindInFile: import("./fact.js").Fact<FindInFileArgs, string[] | null>;
/** A file's metadata, hash and content, as the FileContents fact gives them. */
export interface FileContentsInfo extends FileInfo {
    /** The SHA-256 of the content, hex. */
    sha256: string;
    /** The bytes, base64, when the file is at most 1 MiB (else null: only the hash is known). */
    content: string | null;
}
export declare const contentLimit: number;
/**
 * A regular file's metadata, hash and (up to 1 MiB) content: what put, template, line and replace compare.
 * `await host.getFact("FileContents", { path })`.
 */
export declare const FileContents: import("./fact.js").Fact<PathArgs, false | FileContentsInfo | null>;
/**
 * The entries of a directory (names only), or null when it is missing.
 * `await host.getFact("DirectoryEntries", { path })`.
 */
export declare const DirectoryEntries: import("./fact.js").Fact<PathArgs, string[] | null>;
/**
 * SHA-256 of every file under a directory, by path relative to it; null when the directory is missing.
 * `await host.getFact("DirectoryHashes", { path })`.
 */
export declare const DirectoryHashes: import("./fact.js").Fact<PathArgs, Record<string, string> | null>;
