// files.download: a URL downloaded to a file on the host unless it is already there.
import { posix } from "node:path";
import { File, Sha256File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, optionalString, rejectUnknown, requiredString } from "../shared/args.js";
import { ownershipCommands, parentDirectoryCommand } from "../shared/ownership.js";
import { ownershipKeys, readOwnershipArgs } from "./ownership-args.js";

const downloadKeys = ["src", "dest", "sha256sum", "force", ...ownershipKeys];

export const download = defineOperation({
  name: "files.download",
  description:
    "Download a URL to a file on the host (curl or wget) unless it is already there (and matches sha256sum).",
  validate: (args) => {
    rejectUnknown(args, downloadKeys, "files.download");
    const sha = optionalString(args, "sha256sum");
    if (sha !== undefined && !/^[0-9a-f]{64}$/i.test(sha))
      throw new OperationArgumentError("argument sha256sum must be 64 hex digits.");
    return {
      src: requiredString(args, "src"),
      dest: requiredString(args, "dest"),
      sha256sum: sha?.toLowerCase(),
      force: booleanArg(args, "force", false),
      ...readOwnershipArgs(args),
    };
  },
  // The file's hash costs a read of the whole file: only when there is a sha256sum to compare.
  facts: (args) => [
    { fact: File, args: { path: args.dest } },
    ...(args.sha256sum ? [{ fact: Sha256File, args: { path: args.dest } }] : []),
  ],
  plan: (args, facts) => {
    const current = facts.get(File, { path: args.dest });
    const matches = !args.sha256sum || facts.get(Sha256File, { path: args.dest }) === args.sha256sum;
    if (current && !args.force && matches) {
      const commands = ownershipCommands(args.dest, current, args);
      return commands.length ? change(commands) : noop(`${args.dest} is already downloaded`);
    }
    const d = shellQuote(args.dest);
    const url = shellQuote(args.src);
    const verify = args.sha256sum
      ? `[ "$(sha256sum < "$t" | cut -c1-64)" = ${args.sha256sum} ] || { echo ${shellQuote(`${args.src}: SHA-256 does not match sha256sum`)} >&2; rm -f "$t"; exit 1; }; `
      : "";
    return change([
      parentDirectoryCommand(args.dest),
      `t=$(mktemp ${shellQuote(`${posix.dirname(args.dest)}/.infra-action.XXXXXX`)}) && { curl -fsSL -o "$t" ${url} || wget -q -O "$t" ${url}; } && ${verify}chmod 644 "$t" && mv -f "$t" ${d}`,
      ...ownershipCommands(args.dest, null, args),
    ]);
  },
});
