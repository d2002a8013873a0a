// What ssh.upload and ssh.download share: the file names they refuse, and the key scan they may do first.
import type { SshPeer } from "../../util/ssh-client.js";
import type { FactLookup, FactNeed } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";
import { isKnownHost, keyscanCommands, knownHostNeed } from "../shared/ssh-peer.js";

// Refuses a path scp would not take as written: a line break, or glob characters (scp expands them on the other host).
export function checkTransferPath(path: string, key: string): string {
  if (/[\r\n*?[\]\\]/.test(path))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(path)} holds a line break or one of * ? [ ] \\, which scp would expand or cut; rename the file.`,
    );
  return path;
}

// The known_hosts fact, when ssh_keyscan asks for a scan.
export function keyscanNeeds(peer: SshPeer, sshKeyscan: boolean): FactNeed[] {
  return sshKeyscan ? [knownHostNeed(peer.hostname, peer.port)] : [];
}

// The key scan's commands, when asked for and the key is not known yet.
export function keyscanFirst(facts: FactLookup, peer: SshPeer, sshKeyscan: boolean): string[] {
  if (!sshKeyscan || isKnownHost(facts, peer.hostname, peer.port)) return [];
  return keyscanCommands(peer.hostname, peer.port, false);
}
