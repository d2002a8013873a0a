export declare const update: import("../operation.js").Operation<{}, undefined>;
