// What the files operations share: ownership and mode changes, and writing content with a diff.
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { createTwoFilesPatch } from "diff";
import { shellQuote } from "../../connectors/shell.js";
import type { FileContentsInfo, FileInfo } from "../../facts/files.js";
import { OperationArgumentError } from "../args.js";
import type { Command } from "../operation.js";

export interface Ownership {
  user?: string;
  group?: string;
  mode?: string;
}

// chmod/chown commands for what differs from the wanted ownership and mode (nothing when all match).
export function ownershipCommands(
  path: string,
  current: FileInfo | null,
  wanted: Ownership,
  recursive = false,
): string[] {
  const p = shellQuote(path);
  const r = recursive ? "-R " : "";
  const commands: string[] = [];
  if (wanted.mode && (!current || String(current.mode) !== wanted.mode)) commands.push(`chmod ${r}${wanted.mode} ${p}`);
  const userDiffers = wanted.user && (!current || current.user !== wanted.user);
  const groupDiffers = wanted.group && (!current || current.group !== wanted.group);
  if (userDiffers || groupDiffers) {
    const owner = `${wanted.user ?? ""}${wanted.group ? `:${wanted.group}` : ""}`;
    commands.push(`chown ${r}${shellQuote(owner)} ${p}`);
  }
  return commands;
}

// `mkdir -p` of a path's parent directory.
export function parentDirectoryCommand(path: string): string {
  return `mkdir -p ${shellQuote(posix.dirname(path))}`;
}

export function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

// The commands that put `content` at `dest` (when it differs), then fix ownership; null when nothing differs.
export function writeFileCommands(
  dest: string,
  content: Buffer,
  remote: FileContentsInfo | false | null,
  wanted: Ownership & { createRemoteDir: boolean; ifSha256?: string },
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
  });
  const before = remote === null ? null : remote.content === null ? undefined : Buffer.from(remote.content, "base64");
  return { commands, diff: fileDiff(dest, before, content) };
}

// A unified diff of the remote file (null: missing; undefined: too large to fetch) against the new
// content, or a note for binary content.
export function fileDiff(path: string, before: Buffer | null | undefined, content: Buffer): string {
  if (before === undefined)
    return `--- ${path}\n+++ ${path}\n(content not compared: the remote file is larger than 1 MiB)\n`;
  if ((before && isBinary(before)) || isBinary(content)) return `Binary file ${path} differs\n`;
  const old = before?.toString("utf8") ?? "";
  const patch = createTwoFilesPatch(
    path,
    path,
    old,
    content.toString("utf8"),
    before ? "remote" : "missing",
    "desired",
  );
  // Drop the "Index:" and "====" lines: the ---/+++ header says which file.
  return patch.split("\n").slice(2).join("\n");
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

// The current text of a remote file for line and replace edits; a clear error when it cannot be read.
export function remoteText(path: string, remote: FileContentsInfo | false | null): string | null {
  if (remote === false) throw new OperationArgumentError(`path ${path} is not a regular file.`);
  if (remote === null) return null;
  if (remote.content === null) {
    throw new OperationArgumentError(
      `path ${path} cannot be read in full: it is larger than 1 MiB, or the user cannot read it (add _sudo).`,
    );
  }
  return Buffer.from(remote.content, "base64").toString("utf8");
}
