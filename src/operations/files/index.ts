// files.*: files, directories, links, uploads, templates, line edits, downloads and syncs.
import { posix } from "node:path";
import { shellQuote } from "../../connectors/shell.js";
import { Directory, DirectoryHashes, File, FileContents, Link, Sha256File } from "../../facts/files.js";
import {
  accountName,
  booleanArg,
  extraArgs,
  modeArg,
  OperationArgumentError,
  optionalString,
  refuseLineBreak,
  rejectUnknown,
  requiredString,
  stringList,
} from "../args.js";
import { type Command, change, defineOperation, noop } from "../operation.js";
import {
  fileDiff,
  ownershipCommands,
  parentDirectoryCommand,
  remoteText,
  sha256,
  writeFileCommands,
} from "./shared.js";

export { link } from "./link.js";
export { sync } from "./sync.js";

const ownershipKeys = ["user", "group", "mode"] as const;
function ownershipArgs(args: Record<string, unknown>) {
  return { user: accountName(args, "user"), group: accountName(args, "group"), mode: modeArg(args) };
}

const fileKeys = ["path", "present", "touch", "create_remote_dir", "force", ...ownershipKeys];
export const file = defineOperation({
  name: "files.file",
  description: "Make sure a regular file exists (or not), with its owner, group and mode.",
  validate: (args) => {
    rejectUnknown(args, fileKeys, "files.file");
    return {
      path: requiredString(args, "path"),
      present: booleanArg(args, "present", true),
      touch: booleanArg(args, "touch", false),
      createRemoteDir: booleanArg(args, "create_remote_dir", true),
      force: booleanArg(args, "force", false),
      ...ownershipArgs(args),
    };
  },
  facts: (args) => [{ fact: File, args: { path: args.path } }],
  plan: (args, facts) => {
    const current = facts.get(File, { path: args.path });
    const p = shellQuote(args.path);
    if (!args.present) return current === null ? noop(`file ${args.path} does not exist`) : change([`rm -f ${p}`]);
    const replace =
      current === false
        ? args.force
          ? [`rm -rf ${p}`]
          : refuse(`path ${args.path} exists and is not a regular file; set force: true to replace it`)
        : [];
    if (current === null || current === false) {
      return change([
        ...(args.createRemoteDir ? [parentDirectoryCommand(args.path)] : []),
        ...replace,
        `touch ${p}`,
        ...ownershipCommands(args.path, null, args),
      ]);
    }
    const commands = [...(args.touch ? [`touch ${p}`] : []), ...ownershipCommands(args.path, current, args)];
    return commands.length ? change(commands) : noop(`file ${args.path} exists with the requested owner and mode`);
  },
});

const directoryKeys = ["path", "present", "recursive", "force", ...ownershipKeys];
export const directory = defineOperation({
  name: "files.directory",
  description: "Make sure a directory exists (or not), with its owner, group and mode.",
  validate: (args) => {
    rejectUnknown(args, directoryKeys, "files.directory");
    return {
      path: requiredString(args, "path"),
      present: booleanArg(args, "present", true),
      recursive: booleanArg(args, "recursive", false),
      force: booleanArg(args, "force", false),
      ...ownershipArgs(args),
    };
  },
  facts: (args) => [{ fact: Directory, args: { path: args.path } }],
  plan: (args, facts) => {
    const current = facts.get(Directory, { path: args.path });
    const p = shellQuote(args.path);
    if (!args.present)
      return current === null ? noop(`directory ${args.path} does not exist`) : change([`rm -rf ${p}`]);
    if (current === false) {
      if (!args.force) refuse(`path ${args.path} exists and is not a directory; set force: true to replace it`);
      return change([`rm -f ${p}`, `mkdir -p ${p}`, ...ownershipCommands(args.path, null, args, args.recursive)]);
    }
    if (current === null) return change([`mkdir -p ${p}`, ...ownershipCommands(args.path, null, args, args.recursive)]);
    const commands = ownershipCommands(args.path, current, args, args.recursive);
    return commands.length ? change(commands) : noop(`directory ${args.path} exists with the requested owner and mode`);
  },
});

const putKeys = ["src", "dest", "create_remote_dir", ...ownershipKeys];
export const put = defineOperation({
  name: "files.put",
  description: "Upload a local file when the remote copy differs; shows a diff in the plan.",
  validate: (args) => {
    rejectUnknown(args, putKeys, "files.put");
    return {
      src: requiredString(args, "src"),
      dest: requiredString(args, "dest"),
      createRemoteDir: booleanArg(args, "create_remote_dir", true),
      ...ownershipArgs(args),
    };
  },
  prepare: async (args, context) => ({ content: await context.readLocalFile(args.src) }),
  facts: (args) => [{ fact: FileContents, args: { path: args.dest } }],
  plan: (args, facts, prepared) => {
    const written = writeFileCommands(args.dest, prepared.content, facts.get(FileContents, { path: args.dest }), args);
    return written ? change(written.commands, { diff: written.diff }) : noop(`${args.dest} is up to date`);
  },
});

const templateKeys = ["src", "dest", "create_remote_dir", ...ownershipKeys];
export const template = defineOperation({
  name: "files.template",
  description:
    "Render a Jinja2 template (extra arguments, host and inventory are its variables) and upload it when it differs; shows a diff in the plan.",
  validate: (args) => ({
    src: requiredString(args, "src"),
    dest: requiredString(args, "dest"),
    createRemoteDir: booleanArg(args, "create_remote_dir", true),
    ...ownershipArgs(args),
    variables: extraArgs(args, templateKeys),
  }),
  prepare: async (args, context) => ({ content: Buffer.from(await context.renderTemplate(args.src, args.variables)) }),
  facts: (args) => [{ fact: FileContents, args: { path: args.dest } }],
  plan: (args, facts, prepared) => {
    const written = writeFileCommands(args.dest, prepared.content, facts.get(FileContents, { path: args.dest }), args);
    return written ? change(written.commands, { diff: written.diff }) : noop(`${args.dest} is up to date`);
  },
});

// Writes edited text over the file, refusing if the file changed since the plan read it.
function editedFile(path: string, before: string | null, after: string, mode: number | undefined) {
  const content = Buffer.from(after);
  const command: Command = {
    type: "file",
    path,
    content: content.toString("base64"),
    ...(mode !== undefined ? { mode: String(mode) } : {}),
    ifSha256: before === null ? null : sha256(Buffer.from(before)),
  };
  return change([command], { diff: fileDiff(path, before === null ? null : Buffer.from(before), content) });
}

const lineKeys = ["path", "line", "present", "replace", "escape_regex_characters", "ensure_newline"];
export const line = defineOperation({
  name: "files.line",
  description:
    "Make sure lines matching a pattern are present (appended, or matching lines replaced by `replace`) or absent.",
  validate: (args) => {
    rejectUnknown(args, lineKeys, "files.line");
    // A line break would never match a line of the file, so the line would be appended on every run.
    const oneLine =
      "files.line matches and writes single lines: use one files.line per line, or files.put for a block.";
    refuseLineBreak(args, "line", oneLine);
    refuseLineBreak(args, "replace", oneLine);
    // pyinfra's ensure_newline puts an appended line on a line of its own; files.line always does.
    if (!booleanArg(args, "ensure_newline", true))
      throw new OperationArgumentError(
        "argument ensure_newline: false is not supported: files.line always puts an appended line on a line of its own (as ensure_newline: true does). Remove the argument.",
      );
    return {
      path: requiredString(args, "path"),
      line: requiredString(args, "line"),
      present: booleanArg(args, "present", true),
      replace: optionalString(args, "replace"),
      escape: booleanArg(args, "escape_regex_characters", false),
    };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote);
    const pattern = lineRegExp(args.line, args.escape);
    const lines = text === null || text === "" ? [] : text.replace(/\n$/, "").split("\n");
    const matching = lines.filter((l) => pattern.test(l));
    let next: string[];
    if (args.present) {
      const wanted = args.replace ?? args.line;
      if (matching.length === 0) {
        // Nothing to replace: the replacement is appended, unless it is there already (an earlier run).
        if (args.replace !== undefined && lines.includes(wanted))
          return noop(`no line matching ${args.line} in ${args.path}, and the line "${wanted}" is already there`);
        next = [...lines, wanted];
      } else if (args.replace === undefined || matching.every((l) => l === wanted))
        return noop(`a line matching ${args.line} is already in ${args.path}`);
      else next = lines.map((l) => (pattern.test(l) ? wanted : l));
    } else {
      if (matching.length === 0) return noop(`no line matching ${args.line} in ${args.path}`);
      next = lines.filter((l) => !pattern.test(l));
    }
    const after = next.length ? `${next.join("\n")}\n` : "";
    return editedFile(args.path, text, after, remote ? remote.mode : undefined);
  },
});

// pyinfra matches `line` anywhere in a line unless it is anchored.
function lineRegExp(pattern: string, escape: boolean): RegExp {
  const source = escape ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pattern;
  try {
    return new RegExp(source.startsWith("^") ? source : `^.*${source}`);
  } catch (error) {
    throw new OperationArgumentError(`argument line is not a valid regular expression: ${(error as Error).message}`);
  }
}

const replaceKeys = ["path", "text", "replace", "flags"];
export const replace = defineOperation({
  name: "files.replace",
  description: "Replace every match of a regular expression in a file.",
  validate: (args) => {
    rejectUnknown(args, replaceKeys, "files.replace");
    const flags = optionalString(args, "flags") ?? "";
    if (!/^[imsu]*$/.test(flags))
      throw new OperationArgumentError(`argument flags may hold i, m, s and u; it is "${flags}".`);
    return {
      path: requiredString(args, "path"),
      text: requiredString(args, "text"),
      replace: optionalString(args, "replace") ?? "",
      flags,
    };
  },
  facts: (args) => [{ fact: FileContents, args: { path: args.path } }],
  plan: (args, facts) => {
    const remote = facts.get(FileContents, { path: args.path });
    const text = remoteText(args.path, remote);
    if (text === null) throw new OperationArgumentError(`path ${args.path} does not exist.`);
    let pattern: RegExp;
    try {
      pattern = new RegExp(args.text, `g${args.flags}`);
    } catch (error) {
      throw new OperationArgumentError(`argument text is not a valid regular expression: ${(error as Error).message}`);
    }
    const after = text.replace(pattern, args.replace);
    return after === text
      ? noop(`nothing in ${args.path} matches ${args.text} (or it is already replaced)`)
      : editedFile(args.path, text, after, remote ? remote.mode : undefined);
  },
});

export const get = defineOperation({
  name: "files.get",
  description: "Download a file from the host to this machine when the local copy differs.",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest"], "files.get");
    return { src: requiredString(args, "src"), dest: requiredString(args, "dest") };
  },
  prepare: async (args, context) => ({ local: await context.readLocalFileIfExists(args.dest) }),
  facts: (args) => [{ fact: Sha256File, args: { path: args.src } }],
  plan: (args, facts, prepared) => {
    const remote = facts.get(Sha256File, { path: args.src });
    if (remote === null)
      throw new OperationArgumentError(`src ${args.src} does not exist on the host (or cannot be read).`);
    if (prepared.local && sha256(prepared.local) === remote) return noop(`${args.dest} already matches ${args.src}`);
    return change([{ type: "get", path: args.src, local: args.dest }]);
  },
});

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
      ...ownershipArgs(args),
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

function refuse(message: string): never {
  throw new OperationArgumentError(message);
}
