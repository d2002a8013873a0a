import type { SshPeer } from "../../util/ssh-client.js";
import type { FactLookup, FactNeed } from "../operation.js";
export declare function checkTransferPath(path: string, key: string): string;
export declare function keyscanNeeds(peer: SshPeer, sshKeyscan: boolean): FactNeed[];
export declare function keyscanFirst(facts: FactLookup, peer: SshPeer, sshKeyscan: boolean): string[];
