// git.bare_repo: a bare repository (git init --bare) with its owner, or none.
import { posix } from "node:path";
import { Directory, File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { accountName, booleanArg, refuse, rejectUnknown, requiredString } from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";

export const bare_repo = defineOperation({
  name: "git.bare_repo",
  description: "Create a bare git repository (git init --bare) owned by user/group, or remove one (present: false).",
  validate: (args) => {
    rejectUnknown(args, ["path", "user", "group", "present"], "git.bare_repo");
    return {
      path: requiredString(args, "path"),
      user: accountName(args, "user"),
      group: accountName(args, "group"),
      present: booleanArg(args, "present", true),
    };
  },
  facts: (args) => [
    { fact: Directory, args: { path: args.path } },
    { fact: File, args: { path: headOf(args.path) } },
  ],
  plan: (args, facts) => {
    const dir = facts.get(Directory, { path: args.path });
    const head = facts.get(File, { path: headOf(args.path) });
    const p = shellQuote(args.path);
    if (dir === false) refuse(`${args.path} exists and is not a directory; move it away or change path.`);
    if (!args.present) {
      if (dir === null) return noop(`${args.path} does not exist`);
      // Only a repository is removed: a mistyped path must not take a directory of other files with it.
      if (!head)
        refuse(`${args.path} is not a bare git repository (it has no HEAD file); remove it yourself if it should go.`);
      return change([`rm -rf -- ${p}`], { reason: `remove ${args.path}` });
    }
    const owner = { user: args.user, group: args.group };
    if (!head) return change([`git init --bare --quiet -- ${p}`, ...ownershipCommands(args.path, null, owner, true)]);
    const chown = ownershipCommands(args.path, head, owner, true);
    if (chown.length === 0) return noop(`${args.path} is a bare repository${ownedBy(args)}`);
    return change(chown, { reason: `set the owner of ${args.path}` });
  },
});

// The HEAD file that every git repository has.
function headOf(path: string): string {
  return posix.join(path, "HEAD");
}

// " owned by user:group" for the no-op reason, when asked.
function ownedBy(args: { user?: string; group?: string }): string {
  if (!args.user && !args.group) return "";
  return ` owned by ${args.user ?? ""}${args.group ? `:${args.group}` : ""}`;
}
