import { type Unreadable } from "./fact.js";
export declare const Os: import("./fact.js").Fact<undefined, string>;
export declare const Kernel: import("./fact.js").Fact<undefined, string>;
export declare const KernelVersion: import("./fact.js").Fact<undefined, string>;
export declare const Arch: import("./fact.js").Fact<undefined, string>;
export declare const Hostname: import("./fact.js").Fact<undefined, string>;
export interface LinuxDistributionInfo {
    name: string | null;
    major: number | null;
    minor: number | null;
    id: string | null;
    release_meta: Record<string, string>;
}
export declare const LinuxDistribution: import("./fact.js").Fact<undefined, LinuxDistributionInfo>;
export interface UserInfo {
    uid: number;
    gid: number;
    group: string | null;
    groups: string[];
    home: string;
    shell: string;
    comment: string;
}
export declare const Users: import("./fact.js").Fact<undefined, Record<string, UserInfo>>;
export declare const Groups: import("./fact.js").Fact<undefined, string[]>;
export declare const Which: import("./fact.js").Fact<{
    command: string;
}, string | null>;
export declare const Command: import("./fact.js").Fact<{
    command: string;
}, string>;
export declare const Home: import("./fact.js").Fact<{
    user?: string;
}, string | null>;
export type SysctlValue = string | number | number[];
export declare const Sysctl: import("./fact.js").Fact<undefined, Record<string, Unreadable | SysctlValue>>;
export declare function parseSysctlValue(value: string): SysctlValue;
export interface MountInfo {
    device: string;
    type: string;
    options: string[];
}
export declare const Mounts: import("./fact.js").Fact<undefined, Record<string, MountInfo>>;
export interface CrontabEntry {
    minute: string;
    hour: string;
    day_of_month: string;
    month: string;
    day_of_week: string;
    special_time?: string;
    comments: string[];
}
export declare const Crontab: import("./fact.js").Fact<{
    user?: string;
}, Record<string, CrontabEntry>>;
export declare function parseCrontab(text: string): Record<string, CrontabEntry>;
