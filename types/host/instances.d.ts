import type { Host } from "./host.js";
export declare function bindInstance(instance: string, bound: Record<string, unknown> | undefined): void;
export declare function apiForInstance(api: Record<string, unknown>, instance: string): Record<string, unknown>;
export declare const unboundHost: Host;
