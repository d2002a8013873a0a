export declare function sha256(content: Buffer): string;
