// server.script_template: a local Jinja2 template rendered (as files.template renders), uploaded and run.

import { sha256 } from "../../util/sha256.js";
import { shellQuote } from "../../util/shell-quote.js";
import { readTemplateSettings } from "../files/template-settings.js";
import { change, defineOperation } from "../operation.js";
import { extraArgs, optionalObject, requiredString, stringList } from "../shared/args.js";

const scriptTemplateKeys = ["src", "args", "jinja_env_kwargs", "variables"];

export const script_template = defineOperation({
  name: "server.script_template",
  description:
    "Render a local Jinja2 template into a script (variables as files.template's), upload it and run it (always a change).",
  validate: (args) => ({
    src: requiredString(args, "src"),
    args: stringList(args, "args"),
    settings: readTemplateSettings(args.jinja_env_kwargs),
    // `variables` holds names that cannot be arguments (`src`, `args`, `_x`…); it wins over the rest.
    variables: { ...extraArgs(args, scriptTemplateKeys), ...optionalObject(args, "variables") },
  }),
  prepare: async (args, context) => ({
    content: Buffer.from(await context.renderTemplate(args.src, args.variables, args.settings)),
  }),
  facts: () => [],
  plan: (args, _facts, prepared) => {
    // Named after the template's local path, not the rendered script (whose hash could give away a secret in it).
    const path = `/tmp/infra-action-script-template-${sha256(Buffer.from(args.src)).slice(0, 16)}`;
    const p = shellQuote(path);
    return change([
      { type: "file", path, content: prepared.content.toString("base64"), mode: "700" },
      `${p}${args.args.map((a) => ` ${shellQuote(a)}`).join("")}; rc=$?; rm -f ${p}; exit $rc`,
    ]);
  },
});
