export declare const upgradeAll: import("../operation.js").Operation<{}, undefined>;
