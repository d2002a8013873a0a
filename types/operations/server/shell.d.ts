export declare const shell: import("../operation.js").Operation<{
    commands: string[];
}, undefined>;
