import type { ConnectorData, ConnectorKeyPrefix } from "./connector-data.js";
import type { HostData } from "./host.js";
type DeclaredHostData = {
    [K in keyof HostData as string extends K ? never : number extends K ? never : K]: HostData[K];
};
type KnownData = ConnectorData & DeclaredHostData;
export type InventoryData = Partial<KnownData> & {
    [key: string]: unknown;
};
export type InventoryHost = string | readonly [name: string, data: InventoryData];
type UnknownKeyMessage<K extends string> = K extends `ssh_${string}` ? `${K} is not a data key the SSH connector reads: see 'SSH data keys' in infra-action's README` : K extends `docker_${string}` ? `${K} is not a data key: the Docker connector reads none (the image or container is in the host name: @docker/IMAGE)` : K extends `local_${string}` ? `${K} is not a data key: the local connector reads none` : `${K} is not a global argument (_sudo, _sudo_user, _sudo_password, _env, _chdir, _ignore_errors, _if, _retries, _retry_delay, _timeout, _run_once, _serial, _use_sudo_login, _preserve_sudo_env, _su_user, _use_su_login, _preserve_su_env, _su_shell, _doas, _doas_user, _success_exit_codes, _shell_executable, _retry_until)`;
export type CheckData<D> = {
    [K in keyof D]: K extends keyof KnownData ? KnownData[K] : K extends `${ConnectorKeyPrefix}${string}` | `_${string}` ? UnknownKeyMessage<K> : D[K];
};
export type CheckHostName<N extends string> = string extends N ? N : N extends "" ? "a host name is not empty" : N extends `${string} ${string}` ? `${N} is not a host name: names have no spaces` : N extends "@local" ? N : N extends `@local/${string}` ? `${N} is not a valid host: write @local alone` : N extends `@${"docker" | "ssh"}/${infer Target}` ? Target extends "" ? `${N} is missing its target: write @docker/IMAGE, @docker/CONTAINER or @ssh/HOSTNAME` : N : N extends `@${string}` ? `${N} names an unknown connector: write @local, @docker/IMAGE, @docker/CONTAINER or @ssh/HOSTNAME (a plain name uses SSH)` : N;
type SpecMessage = "a host is a name ('web-01.example.com') or a [name, data] pair (['web-01.example.com', { ssh_user: 'deploy' }])";
export type CheckHostSpec<S> = S extends string ? CheckHostName<S> : S extends readonly [infer N extends string, infer D extends object] ? D extends readonly unknown[] | ((...args: never[]) => unknown) ? readonly [N, "the second item of a [name, data] pair is an object of host data"] : readonly [CheckHostName<N>, CheckData<D>] : SpecMessage;
export type CheckHosts<T> = {
    [I in keyof T]: CheckHostSpec<T[I]>;
};
/** A group (or `targets`), checked by tsc: `export const web_servers = hosts(["web-01", ["web-02", { ssh_port: 2222 }]])`. Returns `specs` unchanged. */
export declare function hosts<const T extends readonly unknown[] & CheckHosts<T>>(specs: T): T;
/** pyinfra's group form, hosts with their group data, checked by tsc: `export const web_servers = group(["web-01"], { app_port: 80 })`. Returns `[specs, groupData]`. */
export declare function group<const T extends readonly unknown[] & CheckHosts<T>, const D extends CheckData<D>>(specs: T, groupData: D & InventoryData): [T, D];
/** Group or global data, checked by tsc as host data is: `export const web_servers_data = data({ ssh_user: "deploy" })`. Returns `values` unchanged. */
export declare function data<const D extends CheckData<D>>(values: D & InventoryData): D;
export {};
