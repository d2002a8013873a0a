// files.replace: every match of a regular expression in a file replaced.
import { FileContents } from "../../facts/files.js";
import { defineOperation, noop } from "../operation.js";
import { OperationArgumentError, optionalString, regExpArg, rejectUnknown, requiredString } from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";
import { planEditedFile } from "./edited-file.js";

const replaceKeys = ["path", "text", "replace", "flags"];

export const replace = defineOperation({
  name: "files.replace",
  description: "Replace every match of a regular expression in a file.",
  validate: (args) => {
    rejectUnknown(args, replaceKeys, "files.replace");
    const flags = optionalString(args, "flags") ?? "";
    if (!/^[imsu]*$/.test(flags))
      throw new OperationArgumentError(`argument flags may hold i, m, s and u; it is "${flags}".`);
    return {
      path: requiredString(args, "path"),
      text: requiredString(args, "text"),
      replace: optionalString(args, "replace") ?? "",
      flags,
    };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote);
    if (text === null) throw new OperationArgumentError(`path ${args.path} does not exist.`);
    const after = text.replace(regExpArg("text", args.text, `g${args.flags}`), args.replace);
    return after === text
      ? noop(`nothing in ${args.path} matches ${args.text} (or it is already replaced)`)
      : planEditedFile(args.path, text, after, remote || null);
  },
});
