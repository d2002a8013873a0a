interface SyncArgs {
    src: string;
    dest: string;
    delete: boolean;
    exclude: string[];
    user?: string;
    group?: string;
    mode?: string;
    dirMode?: string;
}
export declare const sync: import("../operation.js").Operation<SyncArgs, {
    files: {
        path: string;
        content: Buffer;
        mode: number;
    }[];
}>;
export {};
