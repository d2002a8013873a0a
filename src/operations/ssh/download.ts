// ssh.download: a file of another host copied to the target with scp, unless the target has it.
import { posix } from "node:path";
import { File, Sha256File } from "../../facts/files.js";
import { SshRemoteFile } from "../../facts/ssh.js";
import { shellQuote } from "../../util/shell-quote.js";
import { scpCommandLine, scpRemote } from "../../util/ssh-client.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, optionalString, refuse, rejectUnknown, requiredString } from "../shared/args.js";
import { readPeer } from "../shared/ssh-peer.js";
import { checkTransferPath, keyscanFirst, keyscanNeeds } from "./transfer-args.js";

const keys = ["hostname", "filename", "local_filename", "force", "port", "user", "ssh_keyscan"];

export const download = defineOperation({
  name: "ssh.download",
  description:
    "Copy a file of another host to the host with scp unless it is there (force: when the copies' SHA-256 differ).",
  validate: (args) => readDownloadArgs(args),
  facts: (args) => [
    { fact: File, args: { path: args.localFilename } },
    ...(args.force
      ? [
          { fact: Sha256File, args: { path: args.localFilename } },
          { fact: SshRemoteFile, args: remoteFileArgs(args) },
        ]
      : []),
    ...keyscanNeeds(args.peer, args.sshKeyscan),
  ],
  plan: (args, facts) => {
    const local = facts.get(File, { path: args.localFilename });
    if (local === false)
      refuse(`${args.localFilename} exists and is not a regular file; move it away or change local_filename.`);
    const where = `${args.peer.hostname}:${args.filename}`;
    let reason = `download ${where}`;
    if (local && !args.force) return noop(`${args.localFilename} is already downloaded`);
    if (local) {
      const remote = facts.get(SshRemoteFile, remoteFileArgs(args));
      if (remote.reachable && remote.sha256 === null) refuse(`${where} does not exist; check filename.`);
      if (remote.reachable && remote.sha256 === facts.get(Sha256File, { path: args.localFilename }))
        return noop(`${args.localFilename} already has the content of ${where}`);
      reason = remote.reachable
        ? `${args.localFilename} differs from ${where}: download`
        : `download (cannot compare: ${remote.reason})`;
    }
    return change([...keyscanFirst(facts, args.peer, args.sshKeyscan), downloadCommand(args)], { reason });
  },
});

type DownloadArgs = ReturnType<typeof readDownloadArgs>;

// The SshRemoteFile fact's arguments for the source.
function remoteFileArgs(args: DownloadArgs) {
  const { hostname, port, user } = args.peer;
  return { hostname, path: args.filename, port: String(port), user };
}

// scp into a temporary file next to the destination, moved into place once complete: a dropped
// connection never leaves half a file under the real name.
function downloadCommand(args: DownloadArgs): string {
  const dest = shellQuote(args.localFilename);
  const temp = shellQuote(`${posix.dirname(args.localFilename)}/.${posix.basename(args.localFilename)}.XXXXXX`);
  const scp = scpCommandLine(args.peer, scpRemote(args.peer, args.filename), '"$t"');
  return `t=$(mktemp -- ${temp}) && { ${scp} && chmod "$(printf %o $((0666 & ~$(umask))))" "$t" && mv -f -- "$t" ${dest} || { rm -f -- "$t"; exit 1; }; }`;
}

// Checks and normalises the arguments.
function readDownloadArgs(args: Record<string, unknown>) {
  rejectUnknown(args, keys, "ssh.download");
  const filename = checkTransferPath(requiredString(args, "filename"), "filename");
  return {
    peer: readPeer(args),
    filename,
    localFilename: optionalString(args, "local_filename") ?? filename,
    force: booleanArg(args, "force", false),
    sshKeyscan: booleanArg(args, "ssh_keyscan", false),
  };
}
