export declare const unarchive: import("../operation.js").Operation<{
    src: string;
    dest: string;
    local: boolean;
    creates: string | undefined;
    format: "tar" | "tar.gz" | "tar.xz" | "tar.bz2" | "zip";
    user: string | undefined;
    group: string | undefined;
}, {
    sha256: undefined;
    content: undefined;
} | {
    sha256: string;
    content: Buffer<ArrayBufferLike>;
}>;
