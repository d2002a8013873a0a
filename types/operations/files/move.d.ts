export declare const move: import("../operation.js").Operation<import("./copy-move-paths.js").CopyMoveArgs, undefined>;
