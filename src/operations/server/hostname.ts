// server.hostname: the host's name and /etc/hostname.

import { Hostname } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";

export const hostname = defineOperation({
  name: "server.hostname",
  description: "Set the host's name (and /etc/hostname).",
  validate: (args) => {
    rejectUnknown(args, ["hostname"], "server.hostname");
    const name = requiredString(args, "hostname");
    if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(name))
      throw new OperationArgumentError(`argument hostname ${JSON.stringify(name)} is not a valid host name.`);
    return { hostname: name };
  },
  facts: () => [{ fact: Hostname }],
  plan: (args, facts) => {
    if (facts.get(Hostname) === args.hostname) return noop(`hostname is already ${args.hostname}`);
    const h = shellQuote(args.hostname);
    return change([
      `if command -v hostnamectl >/dev/null 2>&1 && hostnamectl set-hostname ${h} 2>/dev/null; then :; else hostname ${h}; fi`,
      `echo ${h} > /etc/hostname`,
    ]);
  },
});
