export interface RpmRepoArgs {
    path: string;
    present: boolean;
    text: string;
}
export declare function defineRpmRepo(family: "dnf" | "yum" | "zypper"): import("../operation.js").Operation<RpmRepoArgs, undefined>;
