export declare const loadedModulesCommand = "if [ -r /proc/modules ]; then cut -d ' ' -f 1 /proc/modules; fi";
export declare const modprobe: import("../operation.js").Operation<{
    module: string;
    present: boolean;
    force: boolean;
}, undefined>;
