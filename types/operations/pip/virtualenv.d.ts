export declare const virtualenv: import("../operation.js").Operation<import("../shared/virtualenv.js").VirtualenvSettings, undefined>;
