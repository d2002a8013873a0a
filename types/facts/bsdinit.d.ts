/**
 * rc.d scripts by name: true when `status` (or OpenBSD's `check`) exits 0, false for 1 to 3, null otherwise.
 * `await host.getFact("RcdStatus")`; no arguments; {} on Linux.
 */
export declare const RcdStatus: import("./fact.js").Fact<undefined, Record<string, boolean | null>>;
