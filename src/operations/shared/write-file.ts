// Putting content at a path when it differs (with its diff), then fixing owner, group and mode.
import type { FileContentsInfo } from "../../facts/files.js";
import { sha256 } from "../../util/sha256.js";
import { type Command, change, noop, type OperationPlan } from "../operation.js";
import { OperationArgumentError } from "./args.js";
import { fileDiff } from "./file-diff.js";
import { type Ownership, ownershipCommands, parentDirectoryCommand } from "./ownership.js";

// The commands that put `content` at `dest` (when it differs), then fix ownership; null when nothing differs.
export function writeFileCommands(
  dest: string,
  content: Buffer,
  remote: FileContentsInfo | false | null,
  wanted: Ownership & { createRemoteDir: boolean },
): { commands: Command[]; diff?: string } | null {
  if (remote === false) {
    throw new OperationArgumentError(
      `dest ${dest} exists and is not a regular file; remove it first or pick another dest.`,
    );
  }
  const same = remote !== null && remote.sha256 === sha256(content);
  if (same) {
    const commands = ownershipCommands(dest, remote, wanted);
    return commands.length ? { commands: commands.map((command) => ({ type: "shell", command })) } : null;
  }
  const commands: Command[] = [];
  if (wanted.createRemoteDir) commands.push({ type: "shell", command: parentDirectoryCommand(dest) });
  commands.push({
    type: "file",
    path: dest,
    content: content.toString("base64"),
    ...(wanted.mode ? { mode: wanted.mode } : remote ? { mode: String(remote.mode) } : {}),
    ...(wanted.user ? { user: wanted.user } : {}),
    ...(wanted.group ? { group: wanted.group } : {}),
    ...(remote === null ? { created: true } : {}),
  });
  const before = remote === null ? null : remote.content === null ? undefined : Buffer.from(remote.content, "base64");
  return { commands, diff: fileDiff(dest, before, content) };
}

// files.put and files.template: the content at `dest`, or a no-op when it is already there as wanted.
export function planWrittenFile(
  dest: string,
  content: Buffer,
  remote: FileContentsInfo | false | null,
  wanted: Ownership & { createRemoteDir: boolean },
): OperationPlan {
  const written = writeFileCommands(dest, content, remote, wanted);
  return written ? change(written.commands, { diff: written.diff }) : noop(`${dest} is up to date`);
}
