// files.template: a Jinja2 template rendered and uploaded when it differs.
import { FileContents } from "../../facts/files.js";
import { defineOperation } from "../operation.js";
import { booleanArg, extraArgs, requiredString } from "../shared/args.js";
import { planWrittenFile } from "../shared/write-file.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";

const templateKeys = ["src", "dest", "create_remote_dir", ...ownershipKeys];

export const template = defineOperation({
  name: "files.template",
  description:
    "Render a Jinja2 template (extra arguments, host and inventory are its variables) and upload it when it differs; shows a diff in the plan.",
  validate: (args) => ({
    src: requiredString(args, "src"),
    dest: requiredString(args, "dest"),
    createRemoteDir: booleanArg(args, "create_remote_dir", true),
    ...readOwnershipArgs(args),
    variables: extraArgs(args, templateKeys),
  }),
  prepare: async (args, context) => ({ content: Buffer.from(await context.renderTemplate(args.src, args.variables)) }),
  facts: (args) => [{ fact: FileContents, args: { path: args.dest } }],
  plan: (args, facts, prepared) => {
    return planWrittenFile(args.dest, prepared.content, facts.get(FileContents, { path: args.dest }), args);
  },
});
