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
export declare const SshKnownHost: import("./fact.js").Fact<SshKnownHostArgs, boolean>;
/** What the SshRemoteFile fact gives: the file's hash on the other host, or why it could not be read. */
export type SshRemoteFileState = {
    reachable: true;
    sha256: string | null;
} | {
    reachable: false;
    reason: string;
};
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
export declare const SshRemoteFile: import("./fact.js").Fact<SshRemoteFileArgs, SshRemoteFileState>;
