export declare const command: import("../operation.js").Operation<{
    peer: import("../../util/ssh-client.js").SshPeer;
    command: string;
}, undefined>;
