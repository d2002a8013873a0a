export declare function fileDiff(path: string, before: Buffer | null | undefined, content: Buffer): string;
