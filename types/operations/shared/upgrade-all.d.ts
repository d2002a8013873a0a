import type { Fact } from "../../facts/fact.js";
export declare function defineUpgradeAll(options: {
    name: string;
    description: string;
    upgradable: Fact<undefined, string[]>;
    command: string;
}): import("../operation.js").Operation<{}, undefined>;
export declare function defineAlwaysRun(options: {
    name: string;
    description: string;
    command: string;
    reason: string;
}): import("../operation.js").Operation<{}, undefined>;
