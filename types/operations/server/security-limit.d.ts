export declare const security_limit: import("../operation.js").Operation<{
    domain: string;
    limitType: string;
    item: string;
    value: string;
}, undefined>;
