export declare const upgrade: import("../operation.js").Operation<{}, undefined>;
