import type { Host } from "./host/host.js";
import type { GlobalArgsInput, OperationArgs } from "./operations/arg-types.js";
export type { FactArgs, FactName, FactResult } from "./facts/index.js";
export type { LinuxDistributionInfo } from "./facts/server.js";
export type { Host, HostData, HostDataView } from "./host/host.js";
export type { GlobalArgsInput, OperationArgs } from "./operations/arg-types.js";
export interface OperationResult {
    readonly name: string;
    readonly changed: boolean;
}
type Family<P extends string> = {
    [K in keyof OperationArgs as K extends `${P}.${infer Op}` ? Op : never]: (args: OperationArgs[K] & GlobalArgsInput) => OperationResult;
};
export declare const host: Host;
export declare const server: Family<"server">;
export declare const apt: Family<"apt">;
export declare const dnf: Family<"dnf">;
export declare const yum: Family<"yum">;
export declare const apk: Family<"apk">;
export declare const files: Family<"files">;
export declare const git: Family<"git">;
export declare const pip: Family<"pip">;
export declare const systemd: Family<"systemd">;
