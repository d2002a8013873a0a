export declare const ownershipKeys: readonly ["user", "group", "mode"];
export declare function readOwnershipArgs(args: Record<string, unknown>): {
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
};
