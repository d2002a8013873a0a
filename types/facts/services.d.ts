export declare const SystemdStatus: import("./fact.js").Fact<undefined, Record<string, boolean>>;
export declare const SystemdEnabled: import("./fact.js").Fact<undefined, Record<string, boolean>>;
export declare const GitBranch: import("./fact.js").Fact<{
    repo: string;
}, string | null>;
export interface GitRepoState {
    exists: boolean;
    remote: string | null;
    branch: string | null;
    head: string | null;
    remoteHead: string | null;
}
export declare const GitRepo: import("./fact.js").Fact<{
    dest: string;
    branch?: string;
}, GitRepoState>;
export declare const GitConfig: import("./fact.js").Fact<{
    repo?: string;
}, Record<string, string[]>>;
export declare const InitdRunning: import("./fact.js").Fact<{
    service: string;
}, boolean | null>;
export declare const ListeningPorts: import("./fact.js").Fact<undefined, number[]>;
