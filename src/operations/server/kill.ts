// server.kill: send a signal to the processes of a name (pkill -x), when any is running.

import { Command as CommandFact } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";

// The kernel keeps 15 characters of a process's name: pgrep -x and pkill -x match those.
const maxNameLength = 15;

// The ids of the processes named exactly `name`, one a line (pgrep's exit 1: none).
function runningCommand(name: string): string {
  return `pgrep -x -- ${shellQuote(name)} || [ $? -eq 1 ]`;
}

export const kill = defineOperation({
  name: "server.kill",
  description: "Send a signal (default TERM) to the processes of a name, when any is running (pkill -x).",
  validate: (args) => {
    rejectUnknown(args, ["process", "signal"], "server.kill");
    const process = requiredString(args, "process");
    if (process.startsWith("-") || /[\s/]/.test(process) || process.length > maxNameLength)
      throw new OperationArgumentError(
        `argument process ${JSON.stringify(process)} is not a process name: give the name ps shows (at most ${maxNameLength} characters, no spaces or "/", not starting with "-"), e.g. "nginx".`,
      );
    const raw = args.signal ?? "TERM";
    const signal = String(raw).replace(/^SIG/i, "").toUpperCase();
    if ((typeof raw !== "string" && typeof raw !== "number") || !/^([A-Z][A-Z0-9+-]*|[0-9]{1,2})$/.test(signal))
      throw new OperationArgumentError(
        'argument signal must be a signal name or number such as "TERM", "HUP", "KILL" or 9.',
      );
    return { process, signal };
  },
  facts: (args) => [{ fact: CommandFact, args: { command: runningCommand(args.process) } }],
  plan: (args, facts) => {
    const pids = facts
      .get(CommandFact, { command: runningCommand(args.process) })
      .split("\n")
      .filter((l) => l.trim() !== "");
    if (pids.length === 0) return noop(`no process ${args.process} is running`);
    // One that has gone meanwhile is not an error (pkill's exit 1: none left to signal).
    return change([`pkill -${args.signal} -x -- ${shellQuote(args.process)} || [ $? -eq 1 ]`], {
      reason: `${pids.length} process(es)`,
    });
  },
});
