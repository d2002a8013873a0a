export declare function describeValue(value: unknown): string;
export declare function showValue(value: unknown): string;
export declare function kindOf(value: unknown): string;
export declare function isPlainObject(value: unknown): value is Record<string, unknown>;
