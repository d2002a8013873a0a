/** What `stat` says of one path: its kind and its file identity (device:inode). */
export interface PathIdentity {
    /** What the path is. */
    kind: "file" | "link" | "directory" | "other";
    /** "2049:77": device and inode, the same for every hard link to one file. */
    id: string;
    /** The owning user's name. */
    user: string;
    /** The owning group's name. */
    group: string;
}
/** What the SameFile fact gives: both paths' identities. */
export interface SameFileInfo {
    /** The path, not followed when it is a symbolic link; null when missing. */
    path: PathIdentity | null;
    /** The target, followed; null when missing. */
    target: PathIdentity | null;
}
/** The arguments of the SameFile fact. */
export interface SameFileArgs {
    /** The link's path on the host (not followed). */
    path: string;
    /** The path it should be the same file as. */
    target: string;
}
/**
 * The two paths' identities; files.link (symbolic: false) compares them. Missing or unreadable paths are null.
 * `await host.getFact("SameFile", { path, target })`.
 */
export declare const SameFile: import("./fact.js").Fact<SameFileArgs, SameFileInfo>;
