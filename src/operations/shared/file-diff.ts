// The diff a plan shows for a file: unified text, or a note for binary or too-large content.
import { createTwoFilesPatch } from "diff";

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
