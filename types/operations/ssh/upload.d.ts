export declare const upload: import("../operation.js").Operation<{
    peer: import("../../util/ssh-client.js").SshPeer;
    filename: string;
    remoteFilename: string;
    useRemoteSudo: boolean;
    sshKeyscan: boolean;
}, undefined>;
