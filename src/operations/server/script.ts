// server.script: a local script uploaded and run.

import { sha256 } from "../../util/sha256.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { rejectUnknown, requiredString, stringList } from "../shared/args.js";

export const script = defineOperation({
  name: "server.script",
  description: "Upload a local script and run it (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["src", "args"], "server.script");
    return { src: requiredString(args, "src"), args: stringList(args, "args") };
  },
  prepare: async (args, context) => ({ content: await context.readLocalFile(args.src) }),
  facts: () => [],
  plan: (args, _facts, prepared) => {
    // Named after the script's local path, not its content (a content hash would let a reader of
    // the plan guess a secret in the script).
    const path = `/tmp/infra-action-script-${sha256(Buffer.from(args.src)).slice(0, 16)}`;
    return change([
      { type: "file", path, content: prepared.content.toString("base64"), mode: "700" },
      `${shellQuote(path)}${args.args.map((a) => ` ${shellQuote(a)}`).join("")}; rc=$?; rm -f ${shellQuote(path)}; exit $rc`,
    ]);
  },
});
