interface PruneArgs {
    all: boolean;
    volumes: boolean;
    filter: string[];
}
export declare const prune: import("../operation.js").Operation<PruneArgs, undefined>;
export {};
