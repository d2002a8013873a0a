export declare const user_authorized_keys: import("../operation.js").Operation<{
    user: string;
    publicKeys: string[];
    deleteKeys: boolean;
}, undefined>;
