/** The arguments of the RunitStatus and RunitManaged facts. */
export interface RunitArgs {
    /** Only this service (default: every one in svdir). */
    service?: string;
    /** The service directory runsvdir watches (SVDIR, default "/var/service"). */
    svdir?: string;
}
/**
 * runit services by name: true when up ("run"), false when down, null otherwise (failing, no runsv yet).
 * `await host.getFact("RunitStatus", { service, svdir })`.
 */
export declare const RunitStatus: import("./fact.js").Fact<RunitArgs | undefined, Record<string, boolean | null>>;
/**
 * The services managed by runit: the symbolic links in svdir.
 * `await host.getFact("RunitManaged", { service, svdir })`.
 */
export declare const RunitManaged: import("./fact.js").Fact<RunitArgs | undefined, string[]>;
