export declare const user: import("../operation.js").Operation<{
    user: string;
    present: boolean;
    home: string | undefined;
    shell: string | undefined;
    group: string | undefined;
    groups: string[] | undefined;
    append: boolean;
    uid: number | undefined;
    system: boolean;
    comment: string | undefined;
    createHome: boolean;
    publicKeys: string[] | undefined;
    deleteKeys: boolean;
    password: string | undefined;
    ensureHome: boolean;
}, undefined>;
