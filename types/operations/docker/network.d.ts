interface NetworkArgs {
    network: string;
    /** `--flag value` pairs, in docker network create's order. */
    options: Array<[string, string]>;
    ingress: boolean;
    attachable: boolean;
    present: boolean;
}
export declare const network: import("../operation.js").Operation<NetworkArgs, undefined>;
export {};
