import { type SshPeer } from "../../util/ssh-client.js";
import type { FactLookup, FactNeed } from "../operation.js";
export declare function checkHostname(hostname: string, key: string): string;
export declare function portArg(args: Record<string, unknown>, key?: string): number;
export declare function readPeer(args: Record<string, unknown>): SshPeer;
export declare function knownHostNeed(hostname: string, port: number): FactNeed;
export declare function isKnownHost(facts: FactLookup, hostname: string, port: number): boolean;
export declare function keyscanCommands(hostname: string, port: number, replace: boolean): string[];
