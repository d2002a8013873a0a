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
}
export declare function createHost(name: string, groups: readonly string[], data: Readonly<Record<string, unknown>>): Host;
