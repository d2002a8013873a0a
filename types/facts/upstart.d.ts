/**
 * upstart jobs by name: true when running.
 * `await host.getFact("UpstartStatus")`; no arguments; {} without initctl.
 */
export declare const UpstartStatus: import("./fact.js").Fact<undefined, Record<string, boolean>>;
