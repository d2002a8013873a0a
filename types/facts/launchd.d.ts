/**
 * launchd jobs by label: true when running (launchctl list gives it a process id).
 * `await host.getFact("LaunchdStatus")`; no arguments; {} without launchctl.
 */
export declare const LaunchdStatus: import("./fact.js").Fact<undefined, Record<string, boolean>>;
