export declare const service: import("../operation.js").Operation<import("../shared/service-args.js").ServiceArgs, undefined>;
