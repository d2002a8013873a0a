// The ssh/scp client command lines a host runs to reach another host (ssh.*, git.repo's ssh_keyscan).
import { shellQuote } from "./shell-quote.js";

/** Another host as the target reaches it: its name, port and login user. */
export interface SshPeer {
  hostname: string;
  port: number;
  user?: string;
}

// Never ask (a password, an unknown host key): a question would wait for input that never comes.
const clientOptions = "-o BatchMode=yes -o ConnectTimeout=20";

// `ssh … HOST 'command'`: the command is given to the other host's shell as it is written.
export function sshCommandLine(peer: SshPeer, remoteCommand: string): string {
  const user = peer.user ? ` -l ${shellQuote(peer.user)}` : "";
  return `ssh -n ${clientOptions} -p ${peer.port}${user} -- ${shellQuote(peer.hostname)} ${shellQuote(remoteCommand)}`;
}

// The scp operand of a path on the other host: `[user@]host:path` (IPv6 addresses in brackets).
export function scpRemote(peer: SshPeer, path: string): string {
  const host = peer.hostname.includes(":") ? `[${peer.hostname}]` : peer.hostname;
  return shellQuote(`${peer.user ? `${peer.user}@` : ""}${host}:${path}`);
}

// A local scp operand: a relative path with a ":" before any "/" would be read as host:path.
export function scpLocal(path: string): string {
  return shellQuote(/^[^/]*:/.test(path) ? `./${path}` : path);
}

// `scp` with the same options as ssh (and -P for the port).
export function scpCommandLine(peer: SshPeer, from: string, to: string): string {
  return `scp -q ${clientOptions} -P ${peer.port} -- ${from} ${to}`;
}

// The name known_hosts files give a host: `host`, or `[host]:port` for another port than 22.
export function knownHostsName(hostname: string, port: number): string {
  return port === 22 ? hostname : `[${hostname}]:${port}`;
}
