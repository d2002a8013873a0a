// files.directory: a directory (or none), with its owner, group and mode.

import { Directory } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, refuse, rejectUnknown, requiredString } from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";

const directoryKeys = ["path", "present", "recursive", "force", ...ownershipKeys];

export const directory = defineOperation({
  name: "files.directory",
  description: "Make sure a directory exists (or not), with its owner, group and mode.",
  validate: (args) => {
    rejectUnknown(args, directoryKeys, "files.directory");
    return {
      path: requiredString(args, "path"),
      present: booleanArg(args, "present", true),
      recursive: booleanArg(args, "recursive", false),
      force: booleanArg(args, "force", false),
      ...readOwnershipArgs(args),
    };
  },
  facts: (args) => [{ fact: Directory, args: { path: args.path } }],
  plan: (args, facts) => {
    const current = facts.get(Directory, { path: args.path });
    const p = shellQuote(args.path);
    if (!args.present)
      return current === null ? noop(`directory ${args.path} does not exist`) : change([`rm -rf ${p}`]);
    if (current === false) {
      if (!args.force) refuse(`path ${args.path} exists and is not a directory; set force: true to replace it`);
      return change([`rm -f ${p}`, `mkdir -p ${p}`, ...ownershipCommands(args.path, null, args, args.recursive)]);
    }
    if (current === null) return change([`mkdir -p ${p}`, ...ownershipCommands(args.path, null, args, args.recursive)]);
    const commands = ownershipCommands(args.path, current, args, args.recursive);
    return commands.length ? change(commands) : noop(`directory ${args.path} exists with the requested owner and mode`);
  },
});
