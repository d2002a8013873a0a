// Facts for reaching another host from the target over SSH: known host keys, and a file's hash there.

import { shellQuote } from "../util/shell-quote.js";
import { knownHostsName, sshCommandLine } from "../util/ssh-client.js";
import { defineFact, unreadable } from "./fact.js";
import { sha256sumHash } from "./files.js";
import { stderrCause } from "./stderr.js";

/** The arguments of the SshKnownHost fact. */
export interface SshKnownHostArgs {
  /** The other host's name or address. */
  hostname: string;
  /** Its SSH port (default 22). */
  port?: string;
}

/**
 * Whether the connecting user's ~/.ssh/known_hosts holds a key for a host (and port), hashed entries
 * included. `await host.getFact("SshKnownHost", { hostname, port })`.
 */
export const SshKnownHost = defineFact<SshKnownHostArgs, boolean>({
  name: "SshKnownHost",
  description: "whether ~/.ssh/known_hosts holds a key for a host",
  arguments: {
    hostname: { type: "string", required: true, description: "the other host's name or address" },
    port: { type: "string", description: "its SSH port (default 22)" },
  },
  // ssh-keygen -F exits 0 when found, 1 when not; a missing file holds no key.
  command: ({ hostname, port }) => {
    const name = shellQuote(knownHostsName(hostname, Number(port ?? 22)));
    return `f="$HOME/.ssh/known_hosts"; [ -e "$f" ] || exit 1; LC_ALL=C ssh-keygen -F ${name} -f "$f"`;
  },
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode === 0) return stdout.trim() !== "";
    if (exitCode === 1 && !stderr.trim()) return false;
    return unreadable(`cannot read ~/.ssh/known_hosts: ${stderrCause(stderr)}`);
  },
});

/** What the SshRemoteFile fact gives: the file's hash on the other host, or why it could not be read. */
export type SshRemoteFileState = { reachable: true; sha256: string | null } | { reachable: false; reason: string };

/** The arguments of the SshRemoteFile fact. */
export interface SshRemoteFileArgs {
  /** The other host's name or address. */
  hostname: string;
  /** The file on the other host. */
  path: string;
  /** Its SSH port (default 22). */
  port?: string;
  /** The user to log in as (default: ssh's own choice). */
  user?: string;
  /** Read the file with `sudo -n` there. */
  sudo?: boolean;
}

/**
 * A file's SHA-256 on another host, read over SSH from the target (sha256 null: no such file); when
 * ssh cannot log in (unknown host key, no key, host down) it says why instead.
 * `await host.getFact("SshRemoteFile", { hostname, path, port, user })`.
 */
export const SshRemoteFile = defineFact<SshRemoteFileArgs, SshRemoteFileState>({
  name: "SshRemoteFile",
  description: "a file's SHA-256 on another host, read over SSH from the host",
  arguments: {
    hostname: { type: "string", required: true, description: "the other host's name or address" },
    path: { type: "string", required: true, description: "the file on the other host" },
    port: { type: "string", description: "its SSH port (default 22)" },
    user: { type: "string", description: "the user to log in as" },
    sudo: { type: "boolean", description: "read the file with sudo -n there" },
  },
  // The other host prints the hash, or "missing" (exit 0 both): ssh's own failures exit 255.
  command: ({ hostname, path, port, user, sudo }) => {
    const p = shellQuote(path);
    const read = `${sudo ? "sudo -n " : ""}sha256sum -- ${p}`;
    const remote = `if ${sudo ? "sudo -n " : ""}test -e ${p}; then LC_ALL=C ${read}; else echo missing; fi`;
    return sshCommandLine({ hostname, port: Number(port ?? 22), user }, remote);
  },
  parse: ({ stdout, stderr, exitCode }) => {
    const text = stdout.trim();
    if (exitCode === 0 && text === "missing") return { reachable: true, sha256: null };
    const hash = sha256sumHash(text);
    if (exitCode === 0 && hash) return { reachable: true, sha256: hash };
    return { reachable: false, reason: stderrCause(stderr) };
  },
});
