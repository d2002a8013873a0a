export declare const copy: import("../operation.js").Operation<import("./copy-move-paths.js").CopyMoveArgs, undefined>;
