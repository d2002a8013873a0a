/** Another host as the target reaches it: its name, port and login user. */
export interface SshPeer {
    hostname: string;
    port: number;
    user?: string;
}
export declare function sshCommandLine(peer: SshPeer, remoteCommand: string): string;
export declare function scpRemote(peer: SshPeer, path: string): string;
export declare function scpLocal(path: string): string;
export declare function scpCommandLine(peer: SshPeer, from: string, to: string): string;
export declare function knownHostsName(hostname: string, port: number): string;
