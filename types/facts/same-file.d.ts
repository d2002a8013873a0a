export interface PathIdentity {
    kind: "file" | "link" | "directory" | "other";
    id: string;
    user: string;
    group: string;
}
export interface SameFileInfo {
    path: PathIdentity | null;
    target: PathIdentity | null;
}
export declare const SameFile: import("./fact.js").Fact<{
    path: string;
    target: string;
}, SameFileInfo>;
