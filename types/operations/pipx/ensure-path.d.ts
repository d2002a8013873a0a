export declare const ensurePath: import("../operation.js").Operation<{}, undefined>;
