import { type PackageSpec } from "../shared/package-managers.js";
export declare const packages: import("../operation.js").Operation<{
    directory: string | undefined;
    packages: string[];
    present: boolean;
    latest: boolean;
}, undefined>;
export declare function splitNpmSpec(spec: string): PackageSpec;
