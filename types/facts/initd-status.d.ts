/**
 * Every /etc/init.d script with an LSB header by name: true when its `status` exits 0, false for
 * 1 to 3 (not running), null for anything else (no status support, or no answer within 10 seconds).
 * `await host.getFact("InitdStatus")`; no arguments.
 */
export declare const InitdStatus: import("./fact.js").Fact<undefined, Record<string, boolean | null>>;
