// server.wait: wait until something listens on a TCP port of the host.
import { ListeningPorts } from "../../facts/services.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, optionalNumber, rejectUnknown } from "../shared/args.js";

export const wait = defineOperation({
  name: "server.wait",
  description: "Wait until something listens on a TCP port of the host (at most timeout seconds).",
  validate: (args) => {
    rejectUnknown(args, ["port", "timeout"], "server.wait");
    const port = optionalNumber(args, "port");
    if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new OperationArgumentError("argument port must be a port number (1-65535).");
    return { port, timeout: optionalNumber(args, "timeout") ?? 60 };
  },
  facts: () => [{ fact: ListeningPorts }],
  plan: (args, facts) => {
    if (facts.get(ListeningPorts).includes(args.port)) return noop(`port ${args.port} is listening`);
    const hex = args.port.toString(16).toUpperCase().padStart(4, "0");
    const listening = `grep -qE '^ *[0-9]+: [0-9A-F]+:${hex} [0-9A-F]+:[0-9A-F]+ 0A ' /proc/net/tcp /proc/net/tcp6 2>/dev/null`;
    const seconds = Math.ceil(args.timeout);
    return change([
      `i=0; until ${listening}; do i=$((i+1)); [ $i -ge ${seconds} ] && { echo 'port ${args.port} is not listening after ${seconds}s' >&2; exit 1; }; sleep 1; done`,
    ]);
  },
});
