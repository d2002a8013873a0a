// git.repo: a clone kept at the latest commit of its branch, with its submodules.
import { GitSubmodules } from "../../facts/git.js";
import { GitRepo } from "../../facts/services.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  accountName,
  booleanArg,
  OperationArgumentError,
  optionalNumber,
  optionalString,
  refuseOptionLike,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";
import { isKnownHost, keyscanCommands, knownHostNeed } from "../shared/ssh-peer.js";
import { sshHostOfUrl } from "./ssh-url.js";

const keys = [
  "src",
  "dest",
  "branch",
  "pull",
  "rebase",
  "user",
  "group",
  "ssh_keyscan",
  "update_submodules",
  "recursive_submodules",
  "depth",
];

export const repo = defineOperation({
  name: "git.repo",
  description: "Clone a repository, or bring a clone to the latest commit of its branch (pull: false leaves it).",
  validate: (args) => {
    rejectUnknown(args, keys, "git.repo");
    const src = requiredString(args, "src");
    const branch = optionalString(args, "branch");
    refuseOptionLike(branch, "branch", "give the branch's name (git refuses names starting with -).");
    const depth = optionalNumber(args, "depth");
    if (depth !== undefined && (!Number.isInteger(depth) || depth < 1))
      throw new OperationArgumentError(`argument depth must be a whole number of commits, 1 or more; it is ${depth}.`);
    const sshKeyscan = booleanArg(args, "ssh_keyscan", false);
    return {
      src,
      dest: requiredString(args, "dest"),
      branch,
      pull: booleanArg(args, "pull", true),
      rebase: booleanArg(args, "rebase", false),
      user: accountName(args, "user"),
      group: accountName(args, "group"),
      sshHost: sshKeyscan ? sshHostOfUrl(src) : undefined,
      updateSubmodules: booleanArg(args, "update_submodules", false),
      recursiveSubmodules: booleanArg(args, "recursive_submodules", false),
      depth,
    };
  },
  facts: (args) => [
    { fact: GitRepo, args: { dest: args.dest, branch: args.branch } },
    ...(args.updateSubmodules ? [{ fact: GitSubmodules, args: submoduleArgs(args) }] : []),
    ...(args.sshHost ? [knownHostNeed(args.sshHost.hostname, args.sshHost.port)] : []),
  ],
  plan: (args, facts) => {
    const state = facts.get(GitRepo, { dest: args.dest, branch: args.branch });
    const d = shellQuote(args.dest);
    const owner = ownershipCommands(args.dest, null, { user: args.user, group: args.group }, true);
    const scan =
      args.sshHost && !isKnownHost(facts, args.sshHost.hostname, args.sshHost.port)
        ? keyscanCommands(args.sshHost.hostname, args.sshHost.port, false)
        : [];
    const submodules = `git -C ${d} submodule --quiet update --init${args.recursiveSubmodules ? " --recursive" : ""}`;
    if (!state.exists) {
      const branch = args.branch ? ` --branch ${shellQuote(args.branch)}` : "";
      const depth = args.depth ? ` --depth ${args.depth}` : "";
      return change(
        [
          ...scan,
          `git clone${branch}${depth} -- ${shellQuote(args.src)} ${d}`,
          ...(args.updateSubmodules ? [submodules] : []),
          ...owner,
        ],
        { reason: `clone ${args.src}` },
      );
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
    // After a pull the recorded submodule commits may have moved: update them too.
    const stale = args.updateSubmodules ? (facts.get(GitSubmodules, submoduleArgs(args)) ?? []) : [];
    if (args.updateSubmodules && (stale.length > 0 || commands.length > 0)) commands.push(submodules);
    if (commands.length === 0)
      return noop(`${args.dest} is at ${args.branch ?? state.branch ?? "HEAD"} (${(state.head ?? "").slice(0, 12)})`);
    return change([...scan, ...commands, ...owner]);
  },
});

// The GitSubmodules fact's arguments.
function submoduleArgs(args: { dest: string; recursiveSubmodules: boolean }) {
  return { repo: args.dest, recursive: args.recursiveSubmodules };
}
