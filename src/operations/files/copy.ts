// files.copy: a file, directory or link on the host copied into a directory on the host.
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
    const copyCommand = `cp -R -p -- ${shellQuote(args.src)} ${shellQuote(args.target)}`;
    if (existing.kind === "missing") return change([copyCommand]);
    if (sameContent(source, existing)) return noop(`${args.target} is already a copy of ${args.src}`);
    if (!args.overwrite)
      refuse(
        `${args.target} already exists and differs from ${args.src}: set overwrite: true to replace it, or remove it first.`,
      );
    return change([`rm -rf -- ${shellQuote(args.target)}`, copyCommand]);
  },
});
