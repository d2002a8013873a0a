// files.block: lines kept between two marker lines in a file (added, updated or removed), as pyinfra's files.block.
import { FileContents } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { type Command, defineOperation, noop, type OperationPlan } from "../operation.js";
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
import { findBlocks, readBlockContent, readMarkers } from "./block-markers.js";
import { planEditedFile } from "./edited-file.js";

const blockKeys = [
  "path",
  "content",
  "present",
  "line",
  "backup",
  "escape_regex_characters",
  "try_prevent_shell_expansion",
  "before",
  "after",
  "marker",
  "begin",
  "end",
];

export const block = defineOperation({
  name: "files.block",
  description:
    "Make sure lines marked by `# BEGIN INFRA-ACTION BLOCK` / `# END INFRA-ACTION BLOCK` (or your `marker`) hold `content` (added at the end, the start, or before/after a `line`), or are removed; shows a diff in the plan.",
  validate: (args) => {
    rejectUnknown(args, blockKeys, "files.block");
    const present = booleanArg(args, "present", true);
    const before = booleanArg(args, "before", false);
    const after = booleanArg(args, "after", false);
    refuseLineBreak(args, "line", "files.block matches `line` against single lines of the file.");
    const line = optionalString(args, "line");
    // The shell never sees the content (it is written as a file): accepted for pyinfra's deploys, nothing to do.
    booleanArg(args, "try_prevent_shell_expansion", false);
    const content = present ? readBlockContent(args.content) : [];
    if (present && line !== undefined && before === after)
      throw new OperationArgumentError(
        "with line, set exactly one of before: true (the block goes before the first matching line) or after: true (after it).",
      );
    if (present && line === undefined && before !== after)
      throw new OperationArgumentError(
        "before and after need a line to go before or after: add line (a regular expression), or set both to false (the block goes at the end of the file) or both to true (at the start), as pyinfra does.",
      );
    const markers = readMarkers(args);
    const markerLine = content.find((l) => [markers.begin, markers.end].includes(l.trim()));
    if (markerLine !== undefined)
      throw new OperationArgumentError(
        `argument content holds the marker line ${JSON.stringify(markerLine)}: the block would not be found again. Pick another marker.`,
      );
    return {
      path: requiredString(args, "path"),
      content,
      present,
      line:
        line === undefined
          ? undefined
          : regExpArg("line", booleanArg(args, "escape_regex_characters", false) ? escapeRegExp(line) : line),
      lineSource: line,
      before,
      backup: booleanArg(args, "backup", false),
      markers,
    };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote);
    const found = text === null ? null : findBlocks(args.path, splitLines(text), args.markers);
    if (!args.present) {
      if (found === null) return noop(`${args.path} does not exist`);
      if (found.blocks.length === 0) return noop(`no marked block in ${args.path}`);
      const kept = found.lines.filter((_, i) => !found.blocks.some((b) => i >= b.start && i <= b.end));
      return withBackup(args, planEditedFile(args.path, text, joinLines(kept), remote || null));
    }
    if (found === null) {
      const created = [args.markers.begin, ...args.content, args.markers.end];
      return planEditedFile(args.path, null, joinLines(created), null);
    }
    const { lines, blocks, markers } = found;
    let next: string[];
    if (blocks.length > 0) {
      const same = blocks.every((b) => sameLines(lines.slice(b.start + 1, b.end), args.content));
      if (same) return noop(`the marked block in ${args.path} already holds the content`);
      next = [];
      let from = 0;
      for (const b of blocks) {
        next.push(...lines.slice(from, b.start + 1), ...args.content);
        from = b.end;
      }
      next.push(...lines.slice(from));
    } else {
      const added = [markers.begin, ...args.content, markers.end];
      const at = insertionIndex(lines, args);
      next = [...lines.slice(0, at), ...added, ...lines.slice(at)];
    }
    return withBackup(args, planEditedFile(args.path, text, joinLines(next), remote || null));
  },
});

// Where a new block goes: before or after the first line matching `line`; else the end (or the start
// when before and after are both true).
function insertionIndex(lines: string[], args: { line?: RegExp; before: boolean }): number {
  if (args.line) {
    const index = lines.findIndex((l) => args.line?.test(l));
    if (index >= 0) return args.before ? index : index + 1;
    return lines.length;
  }
  return args.before ? 0 : lines.length;
}

// pyinfra's backup: a copy of the file beside it, named with the time, before the edit.
function withBackup(args: { path: string; backup: boolean }, plan: OperationPlan): OperationPlan {
  if (!args.backup || !plan.changed) return plan;
  const p = shellQuote(args.path);
  const copy: Command = { type: "shell", command: `cp -p -- ${p} ${p}."$(date +%Y%m%d%H%M%S)"` };
  return { ...plan, commands: [copy, ...plan.commands] };
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

// The file's lines, without the line break ending the last one.
function splitLines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
}

// Lines joined back into a file's text, each ending with a line break.
function joinLines(lines: string[]): string {
  return lines.length ? `${lines.join("\n")}\n` : "";
}
