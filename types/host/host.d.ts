import type { Fact } from "../facts/fact.js";
import type { FactArgs, FactName, FactResult } from "../facts/index.js";
/**
 * The data every host may carry. Declare your own keys' types by module augmentation:
 * `declare module "infra-action" { interface HostData { nginx_workers: number } }`.
 */
export interface HostData {
    [key: string]: unknown;
}
/** `host.data`: data keys as properties, plus `get(key, default)` as in pyinfra. */
export type HostDataView = Readonly<HostData> & {
    /** The value of a data key, or `fallback` when the key is not set. */
    get<K extends keyof HostData & string>(key: K): HostData[K] | undefined;
    get<K extends keyof HostData & string, D>(key: K, fallback: D): Exclude<HostData[K], undefined> | D;
};
/** The host the deploy file is running for. */
export interface Host {
    /** The host's name as the inventory gives it ("web-01.example.com", "@local", "@docker/debian:bookworm"). */
    readonly name: string;
    /** Every group the host is in, sorted. */
    readonly groups: readonly string[];
    /** The host's data, merged: overrides > host > groups > global. */
    readonly data: HostDataView;
    /**
     * A fact about the host (gathered once, batched with facts asked for at the same time). Rejects
     * with a clear error for an unknown fact or argument, and when the host would not tell (a file
     * the user may not read: pass `_sudo: true` to read it as root, as operations do).
     */
    getFact<K extends FactName>(name: K, ...args: FactArgs<K> extends undefined ? [] | [FactSudoArgs] : [FactArgs<K> & FactSudoArgs]): Promise<FactResult<K>>;
    /** A fact of your own (made with `defineFact`), gathered and checked as the built-in ones are. */
    getFact<A, R>(fact: Fact<A, R>, ...args: A extends undefined ? [] | [FactSudoArgs] : [A & FactSudoArgs]): Promise<R>;
}
/** How `host.getFact` reads a fact as another user (as the operations' global arguments do). */
export interface FactSudoArgs {
    /** Read the fact through sudo (as root unless `_sudo_user`). Default `false`. */
    _sudo?: boolean;
    /** With `_sudo`: read it as this user. */
    _sudo_user?: string;
    /** With `_sudo`: the password sudo asks for; never shown. */
    _sudo_password?: string;
}
export declare function createHost(name: string, groups: readonly string[], data: Readonly<Record<string, unknown>>, getFact?: Host["getFact"]): Host;
