export declare function saysMissing(stderr: string): boolean;
export declare function stderrCause(stderr: string): string;
export declare function cannotRead(path: string, stderr: string, verb?: string): string;
