export declare const get: import("../operation.js").Operation<{
    src: string;
    dest: string;
}, {
    local: Buffer<ArrayBufferLike> | undefined;
}>;
