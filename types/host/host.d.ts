import type { Fact } from "../facts/fact.js";
import type { FactArgs, FactName, FactResult } from "../facts/index.js";
export interface HostData {
    [key: string]: unknown;
}
export type HostDataView = Readonly<HostData> & {
    get<K extends keyof HostData & string>(key: K): HostData[K] | undefined;
    get<K extends keyof HostData & string, D>(key: K, fallback: D): Exclude<HostData[K], undefined> | D;
};
export interface Host {
    readonly name: string;
    readonly groups: readonly string[];
    readonly data: HostDataView;
    getFact<K extends FactName>(name: K, ...args: FactArgs<K> extends undefined ? [] | [FactSudoArgs] : [FactArgs<K> & FactSudoArgs]): Promise<FactResult<K>>;
    getFact<A, R>(fact: Fact<A, R>, ...args: A extends undefined ? [] | [FactSudoArgs] : [A & FactSudoArgs]): Promise<R>;
}
export interface FactSudoArgs {
    _sudo?: boolean;
    _sudo_user?: string;
    _sudo_password?: string;
}
export declare function createHost(name: string, groups: readonly string[], data: Readonly<Record<string, unknown>>, getFact?: Host["getFact"]): Host;
