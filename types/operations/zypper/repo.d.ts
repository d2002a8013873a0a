export declare const repo: import("../operation.js").Operation<import("../shared/rpm-repo.js").RpmRepoArgs, undefined>;
