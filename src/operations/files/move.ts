// files.move: a file, directory or link on the host moved into a directory on the host.
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { refuse } from "../shared/args.js";
import { copyMoveFacts, readCopyMoveArgs, readPathState, requireDirectory } from "./copy-move-paths.js";

export const move = defineOperation({
  name: "files.move",
  description:
    "Move a file, directory or link on the host into the directory `dest` (keeping its name); something already there is replaced only with `overwrite: true`.",
  validate: (args) => readCopyMoveArgs(args, "files.move"),
  facts: (args) => copyMoveFacts(args, false),
  plan: (args, facts) => {
    const source = readPathState(facts, args.src, false);
    const existing = readPathState(facts, args.target, false);
    if (source.kind === "missing") {
      // Moved by an earlier run: src is gone and dest holds it.
      if (existing.kind !== "missing") return noop(`${args.src} is already moved to ${args.target}`);
      refuse(`src ${args.src} does not exist on the host, and neither does ${args.target}.`);
    }
    requireDirectory(facts, args.dest, "files.move");
    const moveCommand = `mv -- ${shellQuote(args.src)} ${shellQuote(args.target)}`;
    if (existing.kind === "missing") return change([moveCommand]);
    if (!args.overwrite)
      refuse(`${args.target} already exists: set overwrite: true to replace it, or remove it first.`);
    return change([`rm -rf -- ${shellQuote(args.target)}`, moveCommand]);
  },
});
