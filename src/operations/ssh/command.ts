// ssh.command: a command run on another host, over SSH from the target.
import { sshCommandLine } from "../../util/ssh-client.js";
import { change, defineOperation } from "../operation.js";
import { rejectUnknown, requiredString } from "../shared/args.js";
import { readPeer } from "../shared/ssh-peer.js";

export const command = defineOperation({
  name: "ssh.command",
  description: "Run a command on another host over SSH from the host (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["hostname", "command", "user", "port"], "ssh.command");
    return { peer: readPeer(args), command: requiredString(args, "command") };
  },
  facts: () => [],
  plan: (args) => change([sshCommandLine(args.peer, args.command)]),
});
