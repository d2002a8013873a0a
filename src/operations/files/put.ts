// files.put: a local file uploaded when the remote copy differs.
import { FileContents } from "../../facts/files.js";
import { defineOperation } from "../operation.js";
import { booleanArg, rejectUnknown, requiredString } from "../shared/args.js";
import { planWrittenFile } from "../shared/write-file.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";

const putKeys = ["src", "dest", "create_remote_dir", ...ownershipKeys];

export const put = defineOperation({
  name: "files.put",
  description: "Upload a local file when the remote copy differs; shows a diff in the plan.",
  validate: (args) => {
    rejectUnknown(args, putKeys, "files.put");
    return {
      src: requiredString(args, "src"),
      dest: requiredString(args, "dest"),
      createRemoteDir: booleanArg(args, "create_remote_dir", true),
      ...readOwnershipArgs(args),
    };
  },
  prepare: async (args, context) => ({ content: await context.readLocalFile(args.src) }),
  facts: (args) => [{ fact: FileContents, args: { path: args.dest } }],
  plan: (args, facts, prepared) => {
    return planWrittenFile(args.dest, prepared.content, facts.get(FileContents, { path: args.dest }), args);
  },
});
