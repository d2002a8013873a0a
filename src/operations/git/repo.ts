// git.repo: a clone kept at the latest commit of its branch.

import { GitRepo } from "../../facts/services.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  accountName,
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuseOptionLike,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";

export const repo = defineOperation({
  name: "git.repo",
  description: "Clone a repository, or bring a clone to the latest commit of its branch (pull: false leaves it).",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest", "branch", "pull", "rebase", "user", "group"], "git.repo");
    const branch = optionalString(args, "branch");
    refuseOptionLike(branch, "branch", "give the branch's name (git refuses names starting with -).");
    return {
      src: requiredString(args, "src"),
      dest: requiredString(args, "dest"),
      branch,
      pull: booleanArg(args, "pull", true),
      rebase: booleanArg(args, "rebase", false),
      user: accountName(args, "user"),
      group: accountName(args, "group"),
    };
  },
  facts: (args) => [{ fact: GitRepo, args: { dest: args.dest, branch: args.branch } }],
  plan: (args, facts) => {
    const state = facts.get(GitRepo, { dest: args.dest, branch: args.branch });
    const d = shellQuote(args.dest);
    const owner = ownershipCommands(args.dest, null, { user: args.user, group: args.group }, true);
    if (!state.exists) {
      const branch = args.branch ? ` --branch ${shellQuote(args.branch)}` : "";
      return change([`git clone${branch} -- ${shellQuote(args.src)} ${d}`, ...owner], { reason: `clone ${args.src}` });
    }
    if (state.remote && state.remote !== args.src) {
      throw new OperationArgumentError(
        `${args.dest} is a clone of ${state.remote}, not ${args.src}; move it away or change dest.`,
      );
    }
    const commands: string[] = [];
    if (args.branch && state.branch !== args.branch)
      commands.push(`git -C ${d} fetch origin`, `git -C ${d} checkout ${shellQuote(args.branch)}`);
    const behind = state.remoteHead !== null && state.head !== state.remoteHead;
    if (args.pull && (behind || commands.length))
      commands.push(
        `git -C ${d} pull ${args.rebase ? "--rebase" : "--ff-only"} origin ${shellQuote(args.branch ?? state.branch ?? "HEAD")}`,
      );
    if (commands.length === 0)
      return noop(`${args.dest} is at ${args.branch ?? state.branch ?? "HEAD"} (${(state.head ?? "").slice(0, 12)})`);
    return change([...commands, ...owner]);
  },
});
