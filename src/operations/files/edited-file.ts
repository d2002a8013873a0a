// A text file edited in place (files.line, files.replace): written only if unchanged since the plan.
import { type Command, change, type OperationPlan } from "../operation.js";
import { fileDiff } from "../shared/file-diff.js";
import { sha256 } from "../shared/sha256.js";

// Writes edited text over the file, refusing if the file changed since the plan read it.
export function planEditedFile(
  path: string,
  before: string | null,
  after: string,
  mode: number | undefined,
): OperationPlan {
  const content = Buffer.from(after);
  const command: Command = {
    type: "file",
    path,
    content: content.toString("base64"),
    ...(mode !== undefined ? { mode: String(mode) } : {}),
    ifSha256: before === null ? null : sha256(Buffer.from(before)),
  };
  return change([command], { diff: fileDiff(path, before === null ? null : Buffer.from(before), content) });
}
