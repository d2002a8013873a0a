import type { Host } from "./host.js";
export declare function bindInstanceHost(instance: string, bound: Host | undefined): void;
export declare function apiForInstance(api: Record<string, unknown>, instance: string): Record<string, unknown>;
export declare const unboundHost: Host;
