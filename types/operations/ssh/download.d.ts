export declare const download: import("../operation.js").Operation<{
    peer: import("../../util/ssh-client.js").SshPeer;
    filename: string;
    localFilename: string;
    force: boolean;
    sshKeyscan: boolean;
}, undefined>;
