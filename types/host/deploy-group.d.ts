export declare function deploy<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R;
export declare function currentDeployGroups(): readonly string[];
export declare function runWithBoundApi<T>(api: Record<string, unknown>, work: () => Promise<T>): Promise<T>;
export declare function currentBoundApi(): Record<string, unknown> | undefined;
