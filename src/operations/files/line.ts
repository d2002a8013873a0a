// files.line: lines matching a pattern present (appended or replaced) or absent.
import { FileContents } from "../../facts/files.js";
import { defineOperation, noop } from "../operation.js";
import {
  booleanArg,
  escapeRegExp,
  OperationArgumentError,
  optionalString,
  refuseLineBreak,
  regExpArg,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { remoteText } from "../shared/remote-text.js";
import { planEditedFile } from "./edited-file.js";

const lineKeys = ["path", "line", "present", "replace", "escape_regex_characters", "ensure_newline"];

export const line = defineOperation({
  name: "files.line",
  description:
    "Make sure lines matching a pattern are present (appended, or matching lines replaced by `replace`) or absent.",
  validate: (args) => {
    rejectUnknown(args, lineKeys, "files.line");
    // A line break would never match a line of the file, so the line would be appended on every run.
    const oneLine =
      "files.line matches and writes single lines: use one files.line per line, or files.put for a block.";
    refuseLineBreak(args, "line", oneLine);
    refuseLineBreak(args, "replace", oneLine);
    // pyinfra's ensure_newline puts an appended line on a line of its own; files.line always does.
    if (!booleanArg(args, "ensure_newline", true))
      throw new OperationArgumentError(
        "argument ensure_newline: false is not supported: files.line always puts an appended line on a line of its own (as ensure_newline: true does). Remove the argument.",
      );
    return {
      path: requiredString(args, "path"),
      line: requiredString(args, "line"),
      present: booleanArg(args, "present", true),
      replace: optionalString(args, "replace"),
      escape: booleanArg(args, "escape_regex_characters", false),
    };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote);
    const pattern = lineRegExp(args.line, args.escape);
    const lines = text === null || text === "" ? [] : text.replace(/\n$/, "").split("\n");
    const matching = lines.filter((l) => pattern.test(l));
    let next: string[];
    if (args.present) {
      const wanted = args.replace ?? args.line;
      if (matching.length === 0) {
        // Nothing to replace: the replacement is appended, unless it is there already (an earlier run).
        if (args.replace !== undefined && lines.includes(wanted))
          return noop(`no line matching ${args.line} in ${args.path}, and the line "${wanted}" is already there`);
        next = [...lines, wanted];
      } else if (args.replace === undefined || matching.every((l) => l === wanted))
        return noop(`a line matching ${args.line} is already in ${args.path}`);
      else next = lines.map((l) => (pattern.test(l) ? wanted : l));
    } else {
      if (matching.length === 0) return noop(`no line matching ${args.line} in ${args.path}`);
      next = lines.filter((l) => !pattern.test(l));
    }
    const after = next.length ? `${next.join("\n")}\n` : "";
    return planEditedFile(args.path, text, after, remote || null);
  },
});

// pyinfra matches `line` anywhere in a line unless it is anchored.
function lineRegExp(pattern: string, literal: boolean): RegExp {
  const source = literal ? escapeRegExp(pattern) : pattern;
  return regExpArg("line", source.startsWith("^") ? source : `^.*${source}`);
}
