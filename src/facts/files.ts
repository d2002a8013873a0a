// Facts about files on the host: metadata, hashes, matching lines, and content for diffs.
import { sha256 } from "../util/sha256.js";
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, type FactArgument, type FactOutput, lines, toInteger, unreadable } from "./fact.js";
import { cannotRead, saysMissing } from "./stderr.js";

/** A path's metadata, as the File and Directory facts give it. */
export interface FileInfo {
  /** The owning user's name. */
  user: string;
  /** The owning group's name. */
  group: string;
  /** The permission bits as octal digits read as a number: 644, 755. */
  mode: number;
  /** The size in bytes. */
  size: number;
  /** The modification time, ISO 8601. */
  mtime: string;
}

/** A symbolic link's metadata, as the Link fact gives it. */
export interface LinkInfo extends FileInfo {
  /** What the link points at, as written in it (not resolved). */
  link_target: string;
}

/** The argument of the facts about one path. */
export type PathArgs = {
  /** A path on the host. */
  path: string;
};

const pathArgument = {
  path: { type: "string", required: true, description: "a path on the host" },
} as const satisfies Record<string, FactArgument>;

// `stat` of a path (not following a final symlink): type|user|group|mode|size|mtime|target. When
// stat fails its stderr tells a missing path from one the user may not look at.
function statCommand({ path }: PathArgs): string {
  const p = shellQuote(path);
  return whenPresent(
    path,
    `LC_ALL=C stat -c '%F|%U|%G|%a|%s|%Y' -- ${p} && { [ ! -L ${p} ] || readlink -- ${p} || true; }`,
  );
}

// How many of a path's directories `whenPresent` looks at (its parent, grandparent, ...).
const ancestorsLooked = 3;

// `command` for a path that exists; nothing at all (exit 0, no output: "missing") when shell tests
// prove it does not: it is not there and the nearest directory above it that is (of its closest
// three) may be searched, so nothing hid it. Otherwise (a directory this user may not search, a
// file where a directory should be, a path not in plain absolute form) `command` runs and says why.
// A path that is missing, the common case of a first apply, then costs no process. (The command
// runs in the fact's own subshell: `exit` ends the fact only.)
export function whenPresent(path: string, command: string): string {
  const plain = /^(\/[^/]+)+$/.test(path) && !/\/\.\.?(\/|$)/.test(path);
  if (!plain) return command;
  const ancestors: string[] = [];
  for (let at = path.lastIndexOf("/"); ancestors.length < ancestorsLooked; at = path.lastIndexOf("/", at - 1)) {
    ancestors.push(at > 0 ? path.slice(0, at) : "/");
    if (at <= 0) break;
  }
  const steps = ancestors.map((dir) => {
    const d = shellQuote(dir);
    return `elif [ -d ${d} ]; then [ -x ${d} ] && exit 0; elif [ -e ${d} ] || [ -L ${d} ]; then :; `;
  });
  const p = shellQuote(path);
  return `if [ -e ${p} ] || [ -L ${p} ]; then :; ${steps.join("")}fi; ${command}`;
}

// When a path test (`[ -d … ]`) fails: stat says why on stderr, and the command exits 3.
function whyNot(p: string): string {
  return `{ LC_ALL=C stat -c %F -- ${p} >/dev/null; exit 3; }`;
}

// The answer of a command that failed: null when stderr says the path is missing (or, with
// `alsoAbsent`, another expected case), else "cannot read PATH: why".
function failedAnswer(path: string, { stderr }: FactOutput, verb = "read", alsoAbsent?: RegExp) {
  return saysMissing(stderr) || alsoAbsent?.test(stderr) ? null : unreadable(cannotRead(path, stderr, verb));
}

// Parses statCommand's output for one kind of path.
function parseStatOutput(output: FactOutput, path: string, kind: "file" | "directory" | "link") {
  if (output.exitCode !== 0) return failedAnswer(path, output, "stat");
  return parseStat(output.stdout, kind);
}

// Reads statCommand's output: null when the path is missing, false when it is another kind of thing.
function parseStat(stdout: string, kind: "file" | "directory" | "link"): FileInfo | LinkInfo | false | null {
  const [first, target] = stdout.split("\n");
  if (!first?.trim()) return null;
  const [type = "", user = "", group = "", mode = "", size = "", mtime = ""] = first.split("|");
  const actual = type.includes("symbolic link")
    ? "link"
    : type.includes("directory")
      ? "directory"
      : type.includes("regular")
        ? "file"
        : "other";
  if (actual !== kind) return false;
  const info: FileInfo = {
    user,
    group,
    mode: toInteger(mode) ?? 0,
    size: toInteger(size) ?? 0,
    mtime: new Date((toInteger(mtime) ?? 0) * 1000).toISOString(),
  };
  return kind === "link" ? { ...info, link_target: (target ?? "").trim() } : info;
}

/**
 * A regular file: null when missing, false when the path is not a regular file.
 * `await host.getFact("File", { path })`.
 */
export const File = defineFact<PathArgs, FileInfo | false | null>({
  name: "File",
  description: "a regular file's owner, group, mode, size and mtime",
  arguments: pathArgument,
  command: statCommand,
  parse: (output, { path }) => parseStatOutput(output, path, "file") as FileInfo | false | null,
});

/**
 * A directory: null when missing, false when the path is not a directory.
 * `await host.getFact("Directory", { path })`.
 */
export const Directory = defineFact<PathArgs, FileInfo | false | null>({
  name: "Directory",
  description: "a directory's owner, group, mode, size and mtime",
  arguments: pathArgument,
  command: statCommand,
  parse: (output, { path }) => parseStatOutput(output, path, "directory") as FileInfo | false | null,
});

/**
 * A symbolic link with its target: null when missing, false when the path is not a link.
 * `await host.getFact("Link", { path })`.
 */
export const Link = defineFact<PathArgs, LinkInfo | false | null>({
  name: "Link",
  description: "a symbolic link's target, owner and mode",
  arguments: pathArgument,
  command: statCommand,
  parse: (output, { path }) => parseStatOutput(output, path, "link") as LinkInfo | false | null,
});

/**
 * The SHA-256 of a file, or null when it is missing (or a directory).
 * `await host.getFact("Sha256File", { path })`.
 */
export const Sha256File = defineFact<PathArgs, string | null>({
  name: "Sha256File",
  description: "a file's SHA-256 hash",
  arguments: pathArgument,
  command: ({ path }) => `LC_ALL=C sha256sum -- ${shellQuote(path)}`,
  parse: (output, { path }) =>
    output.exitCode === 0
      ? (sha256sumHash(output.stdout) ?? null)
      : failedAnswer(path, output, "read", /Is a directory/),
});

// The hash in sha256sum's line "HASH  path" (a leading backslash for unusual paths).
export function sha256sumHash(line: string): string | undefined {
  return /^\\?([0-9a-f]{64})\b/.exec(line.trim())?.[1];
}

/** The arguments of the FindInFile fact. */
export interface FindInFileArgs {
  /** A path on the host. */
  path: string;
  /** An extended regular expression (grep -E). */
  pattern: string;
}

/**
 * Lines of a file matching an extended regular expression; null when the file is missing.
 * `await host.getFact("FindInFile", { path, pattern })`.
 */
export const FindInFile = defineFact<FindInFileArgs, string[] | null>({
  name: "FindInFile",
  description: "lines of a file matching a pattern (grep -E)",
  arguments: {
    ...pathArgument,
    pattern: { type: "string", required: true, description: "an extended regular expression (grep -E)" },
  },
  // grep exits 1 when nothing matches, 2 when it could not read (or the pattern is bad).
  command: ({ path, pattern }) => `LC_ALL=C grep -E -e ${shellQuote(pattern)} -- ${shellQuote(path)}`,
  parse: (output, { path }) => {
    const { stdout, exitCode } = output;
    if (exitCode === 3) return null;
    if (exitCode > 1) return failedAnswer(path, output, "search", /Is a directory/);
    return stdout.split("\n").filter((line, i, all) => line !== "" || i < all.length - 1);
  },
});

/** A file's metadata, hash and content, as the FileContents fact gives them. */
export interface FileContentsInfo extends FileInfo {
  /** The SHA-256 of the content, hex. */
  sha256: string;
  /** The bytes, base64, when the file is at most 1 MiB (else null: only the hash is known). */
  content: string | null;
}

// Largest file whose content is fetched for diffs and edits.
export const contentLimit = 1024 * 1024;

/**
 * A regular file's metadata, hash and (up to 1 MiB) content: what put, template, line and replace compare.
 * `await host.getFact("FileContents", { path })`.
 */
export const FileContents = defineFact<PathArgs, FileContentsInfo | false | null>({
  name: "FileContents",
  description: "a file's metadata, SHA-256 and content (up to 1 MiB)",
  arguments: pathArgument,
  // Two processes (stat, then base64 or sha256sum): this runs for every file an operation writes. The
  // hash of a file whose content is fetched is the hash of those bytes, taken on the controller; a
  // larger file's comes from sha256sum. Any step failing exits 1 with its reason on stderr: the file is
  // then unreadable, never "changed".
  command: ({ path }) => {
    const p = shellQuote(path);
    return whenPresent(
      path,
      [
        `s=$(LC_ALL=C stat -L -c '%F|%U|%G|%a|%s|%Y' -- ${p}) || exit 1; echo "$s"; [ -f ${p} ] || exit 0; r=\${s%|*};`,
        `if [ "\${r##*|}" -le ${contentLimit} ]; then LC_ALL=C base64 -w0 < ${p} || exit 1; echo;`,
        `else LC_ALL=C sha256sum -- ${p} || exit 1; fi`,
      ].join(" "),
    );
  },
  parse: (output, { path }) => {
    const [head = "", second] = output.stdout.split("\n");
    if (output.exitCode !== 0 && !head.trim()) return failedAnswer(path, output);
    const info = parseStat(head, "file");
    if (!info) return info as false | null;
    if (output.exitCode !== 0 || second === undefined) return unreadable(cannotRead(path, output.stderr));
    if (info.size <= contentLimit) {
      // (the same size the shell looked at: its line says which of the two came)
      return { ...info, sha256: sha256(Buffer.from(second, "base64")), content: second };
    }
    const hash = sha256sumHash(second);
    if (!hash) return unreadable(cannotRead(path, output.stderr));
    return { ...info, sha256: hash, content: null };
  },
});

/**
 * The entries of a directory (names only), or null when it is missing.
 * `await host.getFact("DirectoryEntries", { path })`.
 */
export const DirectoryEntries = defineFact<PathArgs, string[] | null>({
  name: "DirectoryEntries",
  description: "names in a directory",
  arguments: pathArgument,
  command: ({ path }) => {
    const p = shellQuote(path);
    return `[ -d ${p} ] || ${whyNot(p)}; LC_ALL=C ls -A -- ${p}`;
  },
  parse: (output, { path }) => (output.exitCode === 0 ? lines(output.stdout) : missingDirectory(path, output)),
});

// A directory command that failed: null when it is missing (exit 3 and stat agreeing), else unreadable.
function missingDirectory(path: string, output: FactOutput) {
  if (output.exitCode === 3 && !output.stderr.trim()) return null;
  return failedAnswer(path, output);
}

/**
 * SHA-256 of every file under a directory, by path relative to it; null when the directory is missing.
 * `await host.getFact("DirectoryHashes", { path })`.
 */
export const DirectoryHashes = defineFact<PathArgs, Record<string, string> | null>({
  name: "DirectoryHashes",
  description: "SHA-256 of every file under a directory",
  arguments: pathArgument,
  command: ({ path }) => {
    const p = shellQuote(path);
    return `[ -d ${p} ] || ${whyNot(p)}; cd ${p} && LC_ALL=C find . -type f -exec sha256sum {} +`;
  },
  parse: (output, { path }) => {
    const { stdout, exitCode } = output;
    if (exitCode !== 0) return missingDirectory(path, output);
    const hashes: Record<string, string> = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^([0-9a-f]{64}) [ *]\.\/(.+)$/.exec(line);
      if (match?.[1] && match[2]) hashes[match[2]] = match[1];
    }
    return hashes;
  },
});
