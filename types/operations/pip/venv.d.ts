export declare const venv: import("../operation.js").Operation<import("../shared/virtualenv.js").VirtualenvSettings, undefined>;
