// ssh.upload: a file of the target copied to another host with scp, when the copy there differs.
import { Sha256File } from "../../facts/files.js";
import { SshRemoteFile } from "../../facts/ssh.js";
import { shellQuote } from "../../util/shell-quote.js";
import { scpCommandLine, scpLocal, scpRemote, sshCommandLine } from "../../util/ssh-client.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, optionalString, rejectUnknown, requiredString } from "../shared/args.js";
import { readPeer } from "../shared/ssh-peer.js";
import { checkTransferPath, keyscanFirst, keyscanNeeds } from "./transfer-args.js";

const keys = ["hostname", "filename", "remote_filename", "port", "user", "use_remote_sudo", "ssh_keyscan"];

export const upload = defineOperation({
  name: "ssh.upload",
  description:
    "Copy a file of the host to another host with scp when the copy there differs (SHA-256 compared over SSH).",
  validate: (args) => readUploadArgs(args),
  facts: (args) => [
    { fact: Sha256File, args: { path: args.filename } },
    { fact: SshRemoteFile, args: remoteFileArgs(args) },
    ...keyscanNeeds(args.peer, args.sshKeyscan),
  ],
  plan: (args, facts) => {
    const local = facts.get(Sha256File, { path: args.filename });
    const remote = facts.get(SshRemoteFile, remoteFileArgs(args));
    const where = `${args.peer.hostname}:${args.remoteFilename}`;
    if (local !== null && remote.reachable && remote.sha256 === local)
      return noop(`${where} already has the content of ${args.filename}`);
    const reason =
      local === null
        ? `${args.filename} is not there yet: upload it`
        : !remote.reachable
          ? `upload (cannot compare with ${where}: ${remote.reason})`
          : remote.sha256 === null
            ? `upload to ${where}`
            : `${where} differs: upload`;
    return change([...keyscanFirst(facts, args.peer, args.sshKeyscan), ...uploadCommands(args)], { reason });
  },
});

type UploadArgs = ReturnType<typeof readUploadArgs>;

// The SshRemoteFile fact's arguments for the destination.
function remoteFileArgs(args: UploadArgs) {
  const { hostname, port, user } = args.peer;
  return { hostname, path: args.remoteFilename, port: String(port), user, sudo: args.useRemoteSudo };
}

// scp straight to the file; with use_remote_sudo, to a private temporary file (mktemp there) moved
// into place by sudo. The temporary name is checked to be a plain path before it is used.
function uploadCommands(args: UploadArgs): string[] {
  const from = scpLocal(args.filename);
  if (!args.useRemoteSudo) return [scpCommandLine(args.peer, from, scpRemote(args.peer, args.remoteFilename))];
  // The placeholder (a control character) cannot be in the host or user names, which come before it.
  const move = sshCommandLine(args.peer, `sudo -n mv -f -- \u0001 ${shellQuote(args.remoteFilename)}`).replace(
    "\u0001",
    `'"$t"'`,
  );
  return [
    `t=$(${sshCommandLine(args.peer, "mktemp")}) && case "$t" in /*[!A-Za-z0-9/._-]*|/*/|"") false;; /*) ;; *) false;; esac || { echo ${shellQuote(`mktemp on ${args.peer.hostname} gave no usable path`)} >&2; exit 1; }; ${scpCommandLine(args.peer, from, `${scpRemote(args.peer, "")}"$t"`)} && ${move}`,
  ];
}

// Checks and normalises the arguments.
function readUploadArgs(args: Record<string, unknown>) {
  rejectUnknown(args, keys, "ssh.upload");
  const filename = checkTransferPath(requiredString(args, "filename"), "filename");
  return {
    peer: readPeer(args),
    filename,
    remoteFilename: checkTransferPath(optionalString(args, "remote_filename") ?? filename, "remote_filename"),
    useRemoteSudo: booleanArg(args, "use_remote_sudo", false),
    sshKeyscan: booleanArg(args, "ssh_keyscan", false),
  };
}
