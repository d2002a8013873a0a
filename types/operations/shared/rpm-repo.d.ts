export interface RpmRepoArgs {
    path: string;
    present: boolean;
    text: string;
}
export declare function defineRpmRepo(family: "dnf" | "yum"): import("../operation.js").Operation<RpmRepoArgs, undefined>;
