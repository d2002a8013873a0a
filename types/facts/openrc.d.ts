/** The arguments of the OpenrcStatus and OpenrcEnabled facts. */
export interface OpenrcArgs {
    /** The runlevel (default "default"). */
    runlevel?: string;
}
/**
 * OpenRC services of a runlevel, and those started by hand, by name: true when started.
 * `await host.getFact("OpenrcStatus", { runlevel })`; {} without rc-status.
 */
export declare const OpenrcStatus: import("./fact.js").Fact<OpenrcArgs | undefined, Record<string, boolean>>;
/**
 * OpenRC services by name: true when in the runlevel (rc-update show -v).
 * `await host.getFact("OpenrcEnabled", { runlevel })`; {} without rc-update.
 */
export declare const OpenrcEnabled: import("./fact.js").Fact<OpenrcArgs | undefined, Record<string, boolean>>;
