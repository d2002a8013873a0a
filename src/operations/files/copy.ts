// files.copy: a file, directory or link on the host copied into a directory on the host.
import { posix } from "node:path";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { refuse } from "../shared/args.js";
import { copyMoveFacts, readCopyMoveArgs, readPathState, requireDirectory, sameContent } from "./copy-move-paths.js";

export const copy = defineOperation({
  name: "files.copy",
  description:
    "Copy a file, directory or link on the host into the directory `dest` (keeping its name, mode and times); an existing copy that differs is replaced only with `overwrite: true`.",
  validate: (args) => readCopyMoveArgs(args, "files.copy"),
  facts: (args) => copyMoveFacts(args, true),
  plan: (args, facts) => {
    const source = readPathState(facts, args.src, true);
    if (source.kind === "missing") refuse(`src ${args.src} does not exist on the host.`);
    if (source.kind === "other") refuse(`src ${args.src} is not a file, directory or link; files.copy cannot copy it.`);
    requireDirectory(facts, args.dest, "files.copy");
    const existing = readPathState(facts, args.target, true);
    if (existing.kind === "missing") return change([copyCommand(args.src, args.target, false)]);
    if (sameContent(source, existing)) return noop(`${args.target} is already a copy of ${args.src}`);
    if (!args.overwrite)
      refuse(
        `${args.target} already exists and differs from ${args.src}: set overwrite: true to replace it, or remove it first.`,
      );
    // A file replaces a file in one rename; a directory or link in the way is removed only once the copy is whole.
    return change([copyCommand(args.src, args.target, existing.kind !== "file")]);
  },
});

// Copies src into a fresh private directory (mktemp -d) next to target and renames it into place, so a failed
// copy (a full disk, an unreadable file) leaves the old target as it was and no partial copy behind, and nothing
// planted at a guessable name in a shared directory can redirect the copy.
function copyCommand(src: string, target: string, removeFirst: boolean): string {
  const staged = `"$t"/${shellQuote(posix.basename(target))}`;
  const install = `${removeFirst ? `rm -rf -- ${shellQuote(target)} && ` : ""}mv -f -- ${staged} ${shellQuote(target)}`;
  return `(t=$(mktemp -d ${shellQuote(`${posix.dirname(target)}/.infra-action-copy.XXXXXX`)}) || exit; cp -R -p -- ${shellQuote(src)} ${staged} && ${install}; rc=$?; rm -rf -- "$t"; exit $rc)`;
}
