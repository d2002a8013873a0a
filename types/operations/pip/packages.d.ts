import { type VirtualenvSettings } from "../shared/virtualenv.js";
export declare const packages: import("../operation.js").Operation<{
    packages: string[];
    requirements: string | undefined;
    present: boolean;
    latest: boolean;
    virtualenv: VirtualenvSettings | undefined;
    pip: string;
    extra: string[];
}, undefined>;
