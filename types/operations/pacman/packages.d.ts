export declare const packages: import("../operation.js").Operation<import("../shared/package-args.js").PackageArgs, undefined>;
