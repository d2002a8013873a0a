interface PluginArgs {
    plugin: string;
    alias?: string;
    present: boolean;
    enabled: boolean;
    options: Array<[string, string]>;
}
export declare const plugin: import("../operation.js").Operation<PluginArgs, undefined>;
export {};
