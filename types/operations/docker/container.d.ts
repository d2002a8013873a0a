import { type ContainerSpec } from "./container-spec.js";
interface ContainerArgs {
    container: string;
    spec: ContainerSpec;
    present: boolean;
    force: boolean;
    start: boolean;
}
export declare const container: import("../operation.js").Operation<ContainerArgs, undefined>;
export {};
