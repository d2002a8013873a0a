export declare const script: import("../operation.js").Operation<{
    src: string;
    args: string[];
}, {
    content: Buffer<ArrayBufferLike>;
}>;
