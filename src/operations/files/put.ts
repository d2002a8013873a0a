// files.put: a local file (or content given in the deploy) uploaded when the remote copy differs.
import { FileContents } from "../../facts/files.js";
import { describeValue } from "../../util/describe-value.js";
import { defineOperation } from "../operation.js";
import { booleanArg, OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";
import { planWrittenFile } from "../shared/write-file.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";

const putKeys = ["src", "content", "dest", "create_remote_dir", ...ownershipKeys];

export const put = defineOperation({
  name: "files.put",
  description:
    "Upload a local file (`src`) or given content (`content`) when the remote copy differs; shows a diff in the plan.",
  validate: (args) => {
    rejectUnknown(args, putKeys, "files.put");
    const hasSrc = args.src !== undefined && args.src !== null;
    const hasContent = args.content !== undefined && args.content !== null;
    if (hasSrc === hasContent)
      throw new OperationArgumentError(
        hasSrc
          ? "files.put takes src or content, not both: remove one of them."
          : "files.put needs src (a local file) or content (the text or Buffer to write).",
      );
    return {
      src: hasSrc ? requiredString(args, "src") : undefined,
      content: hasContent ? readContent(args.content) : undefined,
      dest: requiredString(args, "dest"),
      createRemoteDir: booleanArg(args, "create_remote_dir", true),
      ...readOwnershipArgs(args),
    };
  },
  prepare: async (args, context) => ({
    content: args.content ?? (await context.readLocalFile(args.src as string)),
  }),
  facts: (args) => [{ fact: FileContents, args: { path: args.dest } }],
  plan: (args, facts, prepared) => {
    return planWrittenFile(args.dest, prepared.content, facts.get(FileContents, { path: args.dest }), args);
  },
});

// `content`: a string (written as UTF-8) or a Buffer (written byte for byte).
function readContent(value: unknown): Buffer {
  if (typeof value === "string") return Buffer.from(value);
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new OperationArgumentError(`argument content must be a string or a Buffer; it is ${describeValue(value)}.`);
}
