export declare const put: import("../operation.js").Operation<{
    user: string | undefined;
    group: string | undefined;
    mode: string | undefined;
    src: string | undefined;
    content: Buffer<ArrayBufferLike> | undefined;
    dest: string;
    createRemoteDir: boolean;
}, {
    content: Buffer<ArrayBufferLike>;
}>;
