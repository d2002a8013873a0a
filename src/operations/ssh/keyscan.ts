// ssh.keyscan: another host's key in the connecting user's ~/.ssh/known_hosts.
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown, requiredString } from "../shared/args.js";
import { checkHostname, isKnownHost, keyscanCommands, knownHostNeed, portArg } from "../shared/ssh-peer.js";

export const keyscan = defineOperation({
  name: "ssh.keyscan",
  description: "Add a host's SSH key to ~/.ssh/known_hosts (ssh-keyscan) unless one is there (force: scan again).",
  validate: (args) => {
    rejectUnknown(args, ["hostname", "force", "port"], "ssh.keyscan");
    return {
      hostname: checkHostname(requiredString(args, "hostname"), "hostname"),
      force: booleanArg(args, "force", false),
      port: portArg(args),
    };
  },
  facts: (args) => [knownHostNeed(args.hostname, args.port)],
  plan: (args, facts) => {
    const known = isKnownHost(facts, args.hostname, args.port);
    if (known && !args.force) return noop(`the host key of ${args.hostname} (port ${args.port}) is already known`);
    return change(keyscanCommands(args.hostname, args.port, known), {
      reason: known ? `scan ${args.hostname} again` : `scan ${args.hostname}`,
    });
  },
});
