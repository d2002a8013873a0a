// pip.venv: a Python virtualenv.
import { posix } from "node:path";
import { File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, optionalString, rejectUnknown, requiredString } from "../shared/args.js";

export const venv = defineOperation({
  name: "pip.venv",
  description: "Create a Python virtualenv (python -m venv) unless it exists.",
  validate: (args) => {
    rejectUnknown(args, ["path", "python", "site_packages", "present"], "pip.venv");
    return {
      path: requiredString(args, "path"),
      python: optionalString(args, "python") ?? "python3",
      sitePackages: booleanArg(args, "site_packages", false),
      present: booleanArg(args, "present", true),
    };
  },
  facts: (args) => [{ fact: File, args: { path: posix.join(args.path, "bin", "activate") } }],
  plan: (args, facts) => {
    const exists = Boolean(facts.get(File, { path: posix.join(args.path, "bin", "activate") }));
    if (!args.present)
      return exists ? change([`rm -rf ${shellQuote(args.path)}`]) : noop(`virtualenv ${args.path} does not exist`);
    if (exists) return noop(`virtualenv ${args.path} exists`);
    return change([
      `${shellQuote(args.python)} -m venv${args.sitePackages ? " --system-site-packages" : ""} ${shellQuote(args.path)}`,
    ]);
  },
});
