// files.template: a Jinja2 template rendered and uploaded when it differs.
import { FileContents } from "../../facts/files.js";
import { defineOperation } from "../operation.js";
import { booleanArg, extraArgs, optionalObject, requiredString } from "../shared/args.js";
import { planWrittenFile } from "../shared/write-file.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";
import { readTemplateSettings } from "./template-settings.js";

const templateKeys = ["src", "dest", "create_remote_dir", "jinja_env_kwargs", "variables", ...ownershipKeys];

export const template = defineOperation({
  name: "files.template",
  description:
    "Render a Jinja2 template (extra arguments, `variables`, host and inventory are its variables; `jinja_env_kwargs` sets trim_blocks, lstrip_blocks, keep_trailing_newline, undefined, or ansible: true for Ansible roles' templates) and upload it when it differs; shows a diff in the plan.",
  validate: (args) => ({
    src: requiredString(args, "src"),
    dest: requiredString(args, "dest"),
    createRemoteDir: booleanArg(args, "create_remote_dir", true),
    ...readOwnershipArgs(args),
    settings: readTemplateSettings(args.jinja_env_kwargs),
    // `variables` holds names that cannot be arguments: `_x`, `name`, `dest`, `mode`…; it wins over the rest.
    variables: { ...extraArgs(args, templateKeys), ...optionalObject(args, "variables") },
  }),
  prepare: async (args, context) => ({
    content: Buffer.from(await context.renderTemplate(args.src, args.variables, args.settings)),
  }),
  facts: (args) => [{ fact: FileContents, args: { path: args.dest } }],
  plan: (args, facts, prepared) => {
    return planWrittenFile(args.dest, prepared.content, facts.get(FileContents, { path: args.dest }), args);
  },
});
