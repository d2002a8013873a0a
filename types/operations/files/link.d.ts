interface LinkArgs {
    path: string;
    target: string;
    present: boolean;
    symbolic: boolean;
    createRemoteDir: boolean;
    force: boolean;
    user?: string;
    group?: string;
}
export declare const link: import("../operation.js").Operation<LinkArgs, undefined>;
export {};
