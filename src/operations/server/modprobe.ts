// server.modprobe: a kernel module loaded (modprobe) or unloaded (modprobe -r), read from /proc/modules.

import { Command as CommandFact } from "../../facts/server.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";

// The loaded modules' names, one a line; an empty list where /proc/modules is missing (a container).
const loadedModulesCommand = "if [ -r /proc/modules ]; then cut -d ' ' -f 1 /proc/modules; fi";

export const modprobe = defineOperation({
  name: "server.modprobe",
  description: "Load a kernel module (modprobe) or, with present false, unload it (modprobe -r).",
  validate: (args) => {
    rejectUnknown(args, ["module", "present", "force"], "server.modprobe");
    const module = requiredString(args, "module");
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(module))
      throw new OperationArgumentError(
        `argument module ${JSON.stringify(module)} is not a kernel module name: give one such as "br_netfilter".`,
      );
    return { module, present: booleanArg(args, "present", true), force: booleanArg(args, "force", false) };
  },
  facts: () => [{ fact: CommandFact, args: { command: loadedModulesCommand } }],
  plan: (args, facts) => {
    // The kernel lists "br-netfilter" as "br_netfilter": modprobe treats - and _ alike.
    const name = args.module.replace(/-/g, "_");
    const loaded = facts
      .get(CommandFact, { command: loadedModulesCommand })
      .split("\n")
      .map((l) => l.trim().replace(/-/g, "_"))
      .includes(name);
    if (args.present === loaded) return noop(`module ${args.module} is ${loaded ? "already loaded" : "not loaded"}`);
    const options = [args.present ? "" : "-r", args.force ? "-f" : ""].filter(Boolean).join(" ");
    return change([`modprobe ${options ? `${options} ` : ""}${shellQuote(args.module)}`]);
  },
});
