// files.file: a regular file (or none), with its owner, group and mode.

import { File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, refuse, rejectUnknown, requiredString } from "../shared/args.js";
import { ownershipCommands, parentDirectoryCommand } from "../shared/ownership.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";

const fileKeys = ["path", "present", "touch", "create_remote_dir", "force", ...ownershipKeys];

export const file = defineOperation({
  name: "files.file",
  description: "Make sure a regular file exists (or not), with its owner, group and mode.",
  validate: (args) => {
    rejectUnknown(args, fileKeys, "files.file");
    return {
      path: requiredString(args, "path"),
      present: booleanArg(args, "present", true),
      touch: booleanArg(args, "touch", false),
      createRemoteDir: booleanArg(args, "create_remote_dir", true),
      force: booleanArg(args, "force", false),
      ...readOwnershipArgs(args),
    };
  },
  facts: (args) => [{ fact: File, args: { path: args.path } }],
  plan: (args, facts) => {
    const current = facts.get(File, { path: args.path });
    const p = shellQuote(args.path);
    if (!args.present) return current === null ? noop(`file ${args.path} does not exist`) : change([`rm -f ${p}`]);
    const replace =
      current === false
        ? args.force
          ? [`rm -rf ${p}`]
          : refuse(`path ${args.path} exists and is not a regular file; set force: true to replace it`)
        : [];
    if (current === null || current === false) {
      return change([
        ...(args.createRemoteDir ? [parentDirectoryCommand(args.path)] : []),
        ...replace,
        `touch ${p}`,
        ...ownershipCommands(args.path, null, args),
      ]);
    }
    const commands = [...(args.touch ? [`touch ${p}`] : []), ...ownershipCommands(args.path, current, args)];
    return commands.length ? change(commands) : noop(`file ${args.path} exists with the requested owner and mode`);
  },
});
