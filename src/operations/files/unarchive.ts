// files.unarchive: a tar or zip archive unpacked into a directory, all or nothing, once per archive
// version (a marker file in dest holds the SHA-256 of the archive last unpacked there).
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { Directory, File, FileContents, Sha256File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import { type Command, change, defineOperation, noop } from "../operation.js";
import {
  accountName,
  booleanArg,
  OperationArgumentError,
  optionalString,
  refuse,
  rejectUnknown,
  requiredString,
} from "../shared/args.js";
import { ownershipCommands } from "../shared/ownership.js";

const formats = ["tar", "tar.gz", "tar.xz", "tar.bz2", "zip"] as const;
type Format = (typeof formats)[number];

// Names that say the format, longest first.
const suffixes: Array<[string, Format]> = [
  [".tar.gz", "tar.gz"],
  [".tgz", "tar.gz"],
  [".tar.xz", "tar.xz"],
  [".txz", "tar.xz"],
  [".tar.bz2", "tar.bz2"],
  [".tbz2", "tar.bz2"],
  [".tbz", "tar.bz2"],
  [".tar", "tar"],
  [".zip", "zip"],
];

// tar's flag for each compression.
const tarFlags: Record<Exclude<Format, "zip">, string> = { tar: "", "tar.gz": "z", "tar.xz": "J", "tar.bz2": "j" };

export const unarchive = defineOperation({
  name: "files.unarchive",
  description:
    "Unpack a tar (.tar, .tar.gz/.tgz, .tar.xz, .tar.bz2) or .zip archive into a directory, unless creates exists or this archive was already unpacked there.",
  validate: (args) => {
    rejectUnknown(args, ["src", "dest", "local", "creates", "format", "user", "group"], "files.unarchive");
    const src = requiredString(args, "src");
    if (/[\r\n]/.test(src)) throw new OperationArgumentError("argument src must not hold a line break.");
    const dest = posix.normalize(requiredString(args, "dest")).replace(/(.)\/+$/, "$1");
    if (dest === "/" || dest === "." || dest === "..")
      throw new OperationArgumentError(
        `argument dest ${JSON.stringify(dest)} has no parent directory to unpack next to; give a directory such as "/opt/app".`,
      );
    return {
      src,
      dest,
      local: booleanArg(args, "local", false),
      creates: optionalString(args, "creates"),
      format: formatOf(src, optionalString(args, "format")),
      user: accountName(args, "user"),
      group: accountName(args, "group"),
    };
  },
  prepare: async (args, context) => {
    if (!args.local) return { sha256: undefined, content: undefined };
    const content = await context.readLocalFile(args.src);
    return { sha256: createHash("sha256").update(content).digest("hex"), content };
  },
  facts: (args) => [
    { fact: Directory, args: { path: args.dest } },
    { fact: FileContents, args: { path: markerOf(args) } },
    ...(args.creates ? [{ fact: File, args: { path: args.creates } }] : []),
    ...(args.local ? [] : [{ fact: Sha256File, args: { path: args.src } }]),
  ],
  plan: (args, facts, prepared) => {
    if (facts.get(Directory, { path: args.dest }) === false)
      refuse(
        `${args.dest} exists and is not a directory (a link to one? give the directory itself); move it away or change dest.`,
      );
    if (args.creates && facts.get(File, { path: args.creates }) !== null)
      return noop(`${args.creates} exists (creates)`);
    const sha256 = prepared?.sha256 ?? facts.get(Sha256File, { path: args.src });
    const marker = facts.get(FileContents, { path: markerOf(args) });
    const unpacked = marker && marker.content !== null ? Buffer.from(marker.content, "base64").toString().trim() : null;
    if (sha256 && unpacked === sha256)
      return noop(`${args.src} (sha256 ${sha256.slice(0, 12)}) is already unpacked in ${args.dest}`);
    // dest's parent holds the temporary directory (and an uploaded archive).
    const commands: Command[] = [{ type: "shell", command: `mkdir -p -- ${shellQuote(posix.dirname(args.dest))}` }];
    let archive = args.src;
    if (prepared?.content) {
      // The local archive goes next to dest (same file system, not a shared /tmp), private, removed after.
      archive = siblingOf(args.dest, `unarchive-${(prepared.sha256 ?? "").slice(0, 16)}`);
      commands.push({ type: "file", path: archive, content: prepared.content.toString("base64"), mode: "600" });
    }
    commands.push({ type: "shell", command: unpackScript(args, archive, Boolean(prepared?.content)) });
    const reason = sha256
      ? unpacked
        ? `unpack ${args.src} again (it changed since it was unpacked)`
        : `unpack ${args.src} into ${args.dest}`
      : `unpack ${args.src} into ${args.dest} (it is not there yet at plan time)`;
    return change(commands, { reason });
  },
});

type UnarchiveArgs = ReturnType<typeof unarchive.validate>;

// The format given, else the one the archive's name says; a clear error when neither says it.
function formatOf(src: string, given: string | undefined): Format {
  if (given !== undefined) {
    if ((formats as readonly string[]).includes(given)) return given as Format;
    throw new OperationArgumentError(
      `argument format must be one of ${formats.join(", ")}; it is ${JSON.stringify(given)}.`,
    );
  }
  const name = src.toLowerCase();
  const found = suffixes.find(([suffix]) => name.endsWith(suffix));
  if (!found)
    throw new OperationArgumentError(
      `files.unarchive cannot tell the format of ${JSON.stringify(src)} from its name; name it .tar, .tar.gz, .tgz, .tar.xz, .tar.bz2 or .zip, or give format (one of ${formats.join(", ")}).`,
    );
  return found[1];
}

// The marker in dest naming the archive it records: `.infra-action-unarchive-<archive name>.sha256`.
function markerOf(args: { src: string; dest: string }): string {
  const name = posix.basename(args.src).replace(/[^A-Za-z0-9._-]/g, "_");
  return posix.join(args.dest, `.infra-action-unarchive-${name}.sha256`);
}

// A hidden path beside dest: `<parent>/.<dest name>.<what>`.
function siblingOf(dest: string, what: string): string {
  return posix.join(posix.dirname(dest), `.${posix.basename(dest)}.${what}`);
}

// The unpacking, as one command: list the entries and refuse any that leaves dest (absolute, ".."),
// unpack into a new directory beside dest, refuse links pointing outside it and device files, set
// the owner, then move it into place (or copy it over an existing dest) and write the marker. Any
// failure before the move leaves dest as it was; the temporary directory is removed in every case.
function unpackScript(args: UnarchiveArgs, archive: string, uploaded: boolean): string {
  const a = shellQuote(archive);
  const d = shellQuote(args.dest);
  const fail = (why: string) => `{ echo ${shellQuote(`files.unarchive: ${why}`)} >&2; exit 1; }`;
  const list = args.format === "zip" ? `unzip -Z1 -- ${a}` : `tar -t${tarFlags[args.format]}f ${a}`;
  const extract =
    args.format === "zip"
      ? `unzip -q -- ${a} -d "$t/x"`
      : `tar -x${tarFlags[args.format]}f ${a} --no-same-owner -C "$t/x"`;
  const owner = ownershipCommands("$T", null, { user: args.user, group: args.group }, true).map((c) =>
    c.replace(shellQuote("$T"), '"$t/x"'),
  );
  return [
    "set -e",
    `[ -f ${a} ] || ${fail(`${args.src} is not a file on the host`)}`,
    `sum=$(sha256sum < ${a} | cut -c1-64)`,
    `t=$(mktemp -d -- ${shellQuote(siblingOf(args.dest, "unarchive.XXXXXX"))})`,
    `trap 'rm -rf -- "$t"${uploaded ? ` ${a}` : ""}' EXIT`,
    `names=$(LC_ALL=C ${list}) || ${fail(`cannot list the entries of ${args.src}`)}`,
    `if printf '%s\\n' "$names" | grep -Eq '^/|(^|/)\\.\\.(/|$)'; then ${fail(`refusing ${args.src}: an entry leaves dest (an absolute path or ..)`)}; fi`,
    `mkdir -- "$t/x"`,
    `${extract} || ${fail(`cannot unpack ${args.src}; ${args.dest} is left as it was`)}`,
    // Every link must resolve inside the unpacked tree (links to links included).
    `root=$(cd "$t/x" && pwd -P)`,
    `find "$t/x" -type l -exec sh -c 'r=$1; shift; for l; do case "$(realpath -m -- "$l")/" in "$r"/*) ;; *) echo "files.unarchive: refusing the archive: the link ${"$"}{l#"$r"/} points outside dest" >&2; exit 1;; esac; done' sh "$root" {} +`,
    `if [ -n "$(find "$t/x" ! -type f ! -type d ! -type l | head -n1)" ]; then ${fail(`refusing ${args.src}: it holds device files or pipes`)}; fi`,
    ...owner,
    `if [ -e ${d} ]; then cp -a --remove-destination -- "$t/x/." ${d}/; else mv -T -- "$t/x" ${d}; fi`,
    `printf '%s\\n' "$sum" > ${shellQuote(markerOf(args))}`,
  ].join("\n");
}
