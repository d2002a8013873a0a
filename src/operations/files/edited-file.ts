// A text file edited in place (files.line, files.replace): written only if unchanged since the plan.

import type { FileContentsInfo } from "../../facts/files.js";
import { type Command, change, type OperationPlan } from "../operation.js";
import { fileDiff } from "../shared/file-diff.js";

// Writes edited text over the file, refusing if the file changed since the plan read it.
// The guard is the hash the host gave for the file (not one of its text decoded and encoded again).
export function planEditedFile(
  path: string,
  before: string | null,
  after: string,
  remote: FileContentsInfo | null,
): OperationPlan {
  const content = Buffer.from(after);
  const command: Command = {
    type: "file",
    path,
    content: content.toString("base64"),
    ...(remote ? { mode: String(remote.mode) } : {}),
    ifSha256: remote ? remote.sha256 : null,
  };
  return change([command], { diff: fileDiff(path, before === null ? null : Buffer.from(before), content) });
}
