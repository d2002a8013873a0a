// files.link: a symbolic link pointing at its target, or (symbolic: false) a hard link to it.
import { posix } from "node:path";
import { Link, type LinkInfo } from "../../facts/files.js";
import { SameFile, type SameFileInfo } from "../../facts/same-file.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop, type OperationPlan } from "../operation.js";
import {
  accountName,
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuse,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { parentDirectoryCommand } from "../shared/ownership.js";

interface LinkArgs {
  path: string;
  target: string;
  present: boolean;
  symbolic: boolean;
  createRemoteDir: boolean;
  force: boolean;
  user?: string;
  group?: string;
}

const linkKeys = ["path", "target", "present", "symbolic", "create_remote_dir", "force", "user", "group"];
export const link = defineOperation({
  name: "files.link",
  description:
    "Make sure a symbolic link (or, with symbolic: false, a hard link) points at its target, or does not exist.",
  validate: (args): LinkArgs => {
    rejectUnknown(args, linkKeys, "files.link");
    const present = booleanArg(args, "present", true);
    const symbolic = booleanArg(args, "symbolic", true);
    const target = present ? requiredString(args, "target") : (optionalString(args, "target") ?? "");
    // A relative hard link target would be read from the working directory, not the link's.
    if (!symbolic && target !== "" && !posix.isAbsolute(target))
      throw new OperationArgumentError(
        `argument target ${JSON.stringify(target)} must be an absolute path with symbolic: false (a hard link's relative target would be read from the working directory).`,
      );
    return {
      path: requiredString(args, "path"),
      target,
      present,
      symbolic,
      createRemoteDir: booleanArg(args, "create_remote_dir", true),
      force: booleanArg(args, "force", false),
      user: accountName(args, "user"),
      group: accountName(args, "group"),
    };
  },
  facts: (args) =>
    args.symbolic
      ? [{ fact: Link, args: { path: args.path } }]
      : [{ fact: SameFile, args: { path: args.path, target: args.target } }],
  plan: (args, facts) =>
    args.symbolic
      ? planSymbolicLink(args, facts.get(Link, { path: args.path }))
      : planHardLink(args, facts.get(SameFile, { path: args.path, target: args.target })),
});

// `chown -h` (the link itself, not what it points at) when a user or group is asked for.
function ownerCommands(args: LinkArgs): string[] {
  if (!args.user && !args.group) return [];
  return [`chown -h ${shellQuote(`${args.user ?? ""}${args.group ? `:${args.group}` : ""}`)} ${shellQuote(args.path)}`];
}

function ownerDiffers(args: LinkArgs, current: { user: string; group: string }): boolean {
  return Boolean((args.user && current.user !== args.user) || (args.group && current.group !== args.group));
}

function planSymbolicLink(args: LinkArgs, current: LinkInfo | false | null): OperationPlan {
  const p = shellQuote(args.path);
  if (!args.present) return current === null ? noop(`link ${args.path} does not exist`) : change([`rm -f ${p}`]);
  if (current === false && !args.force)
    refuse(`path ${args.path} exists and is not a link; set force: true to replace it`);
  if (current && current.link_target === args.target) {
    return ownerDiffers(args, current)
      ? change(ownerCommands(args))
      : noop(`link ${args.path} already points at ${args.target}`);
  }
  return change([
    ...(args.createRemoteDir ? [parentDirectoryCommand(args.path)] : []),
    ...(current === false ? [`rm -rf ${p}`] : []),
    `ln -sfn -- ${shellQuote(args.target)} ${p}`,
    ...ownerCommands(args),
  ]);
}

// A hard link is the same file as its target: same device and inode. Another file at the path is
// replaced only with force; a symbolic link there is replaced (as pyinfra does).
function planHardLink(args: LinkArgs, current: SameFileInfo): OperationPlan {
  const p = shellQuote(args.path);
  const at = current.path;
  if (!args.present) {
    if (at === null) return noop(`link ${args.path} does not exist`);
    if (at.kind === "directory") refuse(`path ${args.path} is a directory, not a link; remove it with files.directory`);
    return change([`rm -f ${p}`]);
  }
  if (current.target?.kind === "directory")
    refuse(`target ${args.target} is a directory: a hard link cannot point at one; use symbolic: true`);
  if (at && current.target && at.id === current.target.id) {
    return ownerDiffers(args, at)
      ? change(ownerCommands(args))
      : noop(`${args.path} is already a hard link to ${args.target}`);
  }
  if (at && at.kind !== "link" && !args.force)
    refuse(
      `path ${args.path} exists and is ${at.kind === "directory" ? "a directory" : "another file"}, not a hard link to ${args.target}; set force: true to replace it`,
    );
  return change([
    ...(at === null && args.createRemoteDir ? [parentDirectoryCommand(args.path)] : []),
    ...(at?.kind === "directory" ? [`rm -rf ${p}`] : []),
    `ln -fn -- ${shellQuote(args.target)} ${p}`,
    ...ownerCommands(args),
  ]);
}
