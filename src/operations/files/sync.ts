// files.sync: a remote directory holding the files of a local one. With mode, dir_mode, user or
// group, files and directories that already match in content get their owner and mode fixed too.
import { posix } from "node:path";
import { Directory, DirectoryHashes, File } from "../../facts/files.js";
import { sha256 } from "../../util/sha256.js";
import { shellQuote } from "../../util/shell-quote.js";
import { type Command, change, defineOperation, type FactNeed, noop } from "../operation.js";
import { accountName, booleanArg, modeArg, rejectUnknown, requiredString, stringList } from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";

interface SyncArgs {
  src: string;
  dest: string;
  delete: boolean;
  exclude: string[];
  user?: string;
  group?: string;
  mode?: string;
  dirMode?: string;
}

interface LocalFile {
  path: string;
  content: Buffer;
  mode: number;
}

const syncKeys = ["src", "dest", "delete", "exclude", "user", "group", "mode", "dir_mode"];
export const sync = defineOperation({
  name: "files.sync",
  description:
    "Make a remote directory hold the files of a local one (uploading what differs; delete: true removes extras).",
  validate: (args): SyncArgs => {
    rejectUnknown(args, syncKeys, "files.sync");
    return {
      src: requiredString(args, "src"),
      dest: requiredString(args, "dest"),
      delete: booleanArg(args, "delete", false),
      exclude: stringList(args, "exclude"),
      user: accountName(args, "user"),
      group: accountName(args, "group"),
      mode: modeArg(args),
      dirMode: modeArg(args, "dir_mode"),
    };
  },
  prepare: async (args, context) => ({ files: await context.readLocalTree(args.src) }),
  // Owner and mode of each file and directory are read only when they are asked for.
  facts: (args, prepared) => {
    const local = included(args, prepared.files);
    const needs: FactNeed[] = [{ fact: DirectoryHashes, args: { path: args.dest } }];
    if (args.mode || args.user || args.group)
      for (const f of local) needs.push({ fact: File, args: { path: posix.join(args.dest, f.path) } });
    if (args.dirMode || args.user || args.group)
      for (const dir of directories(args.dest, local)) needs.push({ fact: Directory, args: { path: dir } });
    return needs;
  },
  plan: (args, facts, prepared) => {
    const local = included(args, prepared.files);
    const remote = facts.get(DirectoryHashes, { path: args.dest }) ?? {};
    const wantsFileOwnership = Boolean(args.mode || args.user || args.group);
    const wantsDirOwnership = Boolean(args.dirMode || args.user || args.group);
    const uploads: Command[] = [];
    const fixes: Command[] = [];
    const dirs = new Set<string>();
    for (const f of local) {
      const target = posix.join(args.dest, f.path);
      if (remote[f.path] === sha256(f.content)) {
        if (!wantsFileOwnership) continue;
        const current = facts.get(File, { path: target }) || null;
        const wanted = { mode: args.mode, user: args.user, group: args.group };
        for (const command of ownershipCommands(target, current, wanted)) fixes.push({ type: "shell", command });
        continue;
      }
      dirs.add(posix.dirname(target));
      uploads.push({
        type: "file",
        path: target,
        content: f.content.toString("base64"),
        mode: args.mode ?? (f.mode & 0o777).toString(8),
        ...(args.user ? { user: args.user } : {}),
        ...(args.group ? { group: args.group } : {}),
      });
    }
    const extras = args.delete
      ? Object.keys(remote).filter((p) => !local.some((f) => f.path === p) && !isExcluded(args, p))
      : [];
    const deletes: Command[] = extras.map((extra) => ({
      type: "shell",
      command: `rm -f ${shellQuote(posix.join(args.dest, extra))}`,
    }));
    const dirCommands = wantsDirOwnership
      ? directories(args.dest, local).flatMap((dir) => {
          const current = facts.get(Directory, { path: dir }) || null;
          const wanted = { mode: args.dirMode, user: args.user, group: args.group };
          return [...(current ? [] : [`mkdir -p ${shellQuote(dir)}`]), ...ownershipCommands(dir, current, wanted)];
        })
      : [...dirs].sort().map((dir) => `mkdir -p ${shellQuote(dir)}`);
    const commands = [...uploads, ...fixes, ...deletes];
    if (commands.length === 0 && dirCommands.length === 0)
      return noop(`${args.dest} matches ${args.src} (${local.length} files)`);
    const fixing = fixes.length > 0 || (wantsDirOwnership && dirCommands.length > 0);
    return change([...dirCommands, ...commands], {
      reason: `${uploads.length} to upload, ${extras.length} to delete${fixing ? ", owner or mode to fix" : ""}`,
    });
  },
});

function included(args: SyncArgs, files: LocalFile[]): LocalFile[] {
  return files.filter((f) => !isExcluded(args, f.path));
}

function isExcluded(args: SyncArgs, path: string): boolean {
  return args.exclude.some((glob) => globMatch(glob, path));
}

// dest and every directory between it and the local files, parents first.
function directories(dest: string, local: LocalFile[]): string[] {
  const dirs = new Set<string>([dest]);
  for (const f of local) {
    const parts = posix
      .dirname(f.path)
      .split("/")
      .filter((part) => part !== "" && part !== ".");
    for (let i = 1; i <= parts.length; i++) dirs.add(posix.join(dest, ...parts.slice(0, i)));
  }
  return [...dirs].sort();
}

function globMatch(glob: string, path: string): boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*\*/g, "\0")
    .replace(/\*/g, "[^/]*")
    .replace(/\0/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(path) || new RegExp(`(^|/)${source}$`).test(path);
}
