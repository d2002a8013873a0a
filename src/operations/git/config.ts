// git.config: a git config value, global or in one repository.

import { GitConfig } from "../../facts/services.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { optionalString, refuseOptionLike, rejectUnknown, requiredString } from "../shared/args.js";

export const config = defineOperation({
  name: "git.config",
  description: "Set a git config value, globally or in one repository.",
  validate: (args) => {
    rejectUnknown(args, ["key", "value", "repo"], "git.config");
    const key = requiredString(args, "key");
    refuseOptionLike(key, "key", 'give a config key such as "user.name".');
    return {
      key,
      value: requiredString(args, "value"),
      repo: optionalString(args, "repo"),
    };
  },
  facts: (args) => [{ fact: GitConfig, args: { repo: args.repo } }],
  plan: (args, facts) => {
    const current =
      facts.get(GitConfig, { repo: args.repo })[args.key.toLowerCase()] ??
      facts.get(GitConfig, { repo: args.repo })[args.key];
    if (current?.length === 1 && current[0] === args.value) return noop(`${args.key} is already ${args.value}`);
    const where = args.repo ? `-C ${shellQuote(args.repo)} config --local` : "config --global";
    return change([`git ${where} ${shellQuote(args.key)} ${shellQuote(args.value)}`]);
  },
});
