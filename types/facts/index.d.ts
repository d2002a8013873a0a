import type { Fact } from "./fact.js";
import * as files from "./files.js";
import * as packages from "./packages.js";
import * as server from "./server.js";
import * as services from "./services.js";
export declare const facts: {
    readonly Os: Fact<undefined, string>;
    readonly Kernel: Fact<undefined, string>;
    readonly KernelVersion: Fact<undefined, string>;
    readonly Arch: Fact<undefined, string>;
    readonly Hostname: Fact<undefined, string>;
    readonly LinuxDistribution: Fact<undefined, server.LinuxDistributionInfo>;
    readonly Users: Fact<undefined, Record<string, server.UserInfo>>;
    readonly Groups: Fact<undefined, string[]>;
    readonly Which: Fact<{
        command: string;
    }, string | null>;
    readonly Command: Fact<{
        command: string;
    }, string>;
    readonly Home: Fact<{
        user?: string;
    }, string | null>;
    readonly Sysctl: Fact<undefined, Record<string, import("./fact.js").Unreadable | server.SysctlValue>>;
    readonly Mounts: Fact<undefined, Record<string, server.MountInfo>>;
    readonly Crontab: Fact<{
        user?: string;
    }, Record<string, server.CrontabEntry>>;
    readonly File: Fact<{
        path: string;
    }, false | files.FileInfo | null>;
    readonly Directory: Fact<{
        path: string;
    }, false | files.FileInfo | null>;
    readonly Link: Fact<{
        path: string;
    }, false | files.LinkInfo | null>;
    readonly Sha256File: Fact<{
        path: string;
    }, string | null>;
    readonly FindInFile: Fact<{
        path: string;
        pattern: string;
    }, string[] | null>;
    readonly FileContents: Fact<{
        path: string;
    }, false | files.FileContentsInfo | null>;
    readonly DirectoryEntries: Fact<{
        path: string;
    }, string[] | null>;
    readonly DirectoryHashes: Fact<{
        path: string;
    }, Record<string, string> | null>;
    readonly SameFile: Fact<{
        path: string;
        target: string;
    }, import("./same-file.js").SameFileInfo>;
    readonly DebPackages: Fact<undefined, packages.PackageVersions>;
    readonly RpmPackages: Fact<undefined, packages.PackageVersions>;
    readonly ApkPackages: Fact<undefined, packages.PackageVersions>;
    readonly PipPackages: Fact<{
        pip?: string;
    }, packages.PackageVersions>;
    readonly PackageManager: Fact<undefined, "apt" | "dnf" | "yum" | "apk" | null>;
    readonly AptListsAge: Fact<undefined, number | null>;
    readonly AptUpgradable: Fact<{
        dist?: boolean;
    }, string[]>;
    readonly SystemdStatus: Fact<undefined, Record<string, boolean>>;
    readonly SystemdEnabled: Fact<undefined, Record<string, boolean>>;
    readonly GitBranch: Fact<{
        repo: string;
    }, string | null>;
    readonly GitRepo: Fact<{
        dest: string;
        branch?: string;
    }, services.GitRepoState>;
    readonly GitConfig: Fact<{
        repo?: string;
    }, Record<string, string[]>>;
    readonly InitdRunning: Fact<{
        service: string;
    }, boolean | null>;
    readonly ListeningPorts: Fact<undefined, number[]>;
};
export type Facts = typeof facts;
export type FactName = keyof Facts;
export type FactArgs<K extends FactName> = Facts[K] extends Fact<infer A, unknown> ? A : never;
export type FactResult<K extends FactName> = Facts[K] extends Fact<never, infer R> ? R : never;
export declare function factByName(name: string): Fact<unknown, unknown> | undefined;
