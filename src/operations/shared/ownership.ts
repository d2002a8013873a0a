// Owner, group and mode: the chmod/chown commands for what differs, and the parent directory of a path.
import { posix } from "node:path";
import type { FileInfo } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";

// The owner, group and mode an operation asks for (each optional).
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
