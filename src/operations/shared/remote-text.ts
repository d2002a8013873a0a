// A remote file's text for edits in place (files.line, files.replace, apt.repo, server.sysctl).
import type { FileContentsInfo } from "../../facts/files.js";
import { OperationArgumentError } from "./args.js";

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
