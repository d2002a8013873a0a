export declare const template: import("../operation.js").Operation<{
    variables: Record<string, unknown>;
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
    src: string;
    dest: string;
    createRemoteDir: boolean;
}, {
    content: Buffer<ArrayBuffer>;
}>;
