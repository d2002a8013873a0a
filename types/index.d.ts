import type { Host } from "./host/host.js";
export type { Host, HostData, HostDataView } from "./host/host.js";
export declare const host: Host;
