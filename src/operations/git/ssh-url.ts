// The SSH host (and port) of a git URL, for git.repo's ssh_keyscan.
import { OperationArgumentError } from "../shared/args.js";
import { checkHostname } from "../shared/ssh-peer.js";

// `ssh://[user@]host[:port]/path` (also git+ssh://, ssh+git://) or scp-like `[user@]host:path`.
const urlForm = /^(?:ssh|git\+ssh|ssh\+git):\/\/(?:[^@/]*@)?(\[[^\]/]*\]|[^:/]*)(?::(\d*))?(?:\/|$)/;
const scpForm = /^(?:[^@/:]*@)?(\[[^\]/]*\]|[^:/[]+):(?!\/\/)/;

// The host and port a git URL reaches over SSH; a clear error for another kind of URL or a hostile host.
export function sshHostOfUrl(src: string): { hostname: string; port: number } {
  const url = urlForm.exec(src);
  const scp = url ? null : scpForm.exec(src);
  const match = url ?? scp;
  if (!match?.[1])
    throw new OperationArgumentError(
      `argument ssh_keyscan needs an SSH URL (ssh://host/path or user@host:path) in src; ${JSON.stringify(src)} is not one.`,
    );
  const hostname = checkHostname(match[1].replace(/^\[(.*)\]$/, "$1"), "src's host");
  const port = url?.[2] ? Number(url[2]) : 22;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new OperationArgumentError(`the port of src ${JSON.stringify(src)} must be from 1 to 65535.`);
  return { hostname, port };
}
