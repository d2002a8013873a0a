// Facts about files on the host: metadata, hashes, matching lines, and content for diffs.
import { shellQuote } from "../connectors/shell.js";
import { defineFact, emptyRecord, lines, toInteger } from "./fact.js";

export interface FileInfo {
  user: string;
  group: string;
  // Permission bits as octal digits, e.g. 644
  mode: number;
  size: number;
  // Modification time, ISO 8601
  mtime: string;
}

export interface LinkInfo extends FileInfo {
  link_target: string;
}

type PathArgs = { path: string };

// `stat` of a path (not following a final symlink): type|user|group|mode|size|mtime|target.
function statCommand({ path }: PathArgs): string {
  const p = shellQuote(path);
  return `if [ -e ${p} ] || [ -L ${p} ]; then stat -c '%F|%U|%G|%a|%s|%Y' -- ${p}; readlink -- ${p} || true; fi`;
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

// A regular file: null when missing, false when the path is not a regular file.
export const File = defineFact<PathArgs, FileInfo | false | null>({
  name: "File",
  description: "a regular file's owner, group, mode, size and mtime",
  command: statCommand,
  parse: ({ stdout }) => parseStat(stdout, "file") as FileInfo | false | null,
});

// A directory: null when missing, false when the path is not a directory.
export const Directory = defineFact<PathArgs, FileInfo | false | null>({
  name: "Directory",
  description: "a directory's owner, group, mode, size and mtime",
  command: statCommand,
  parse: ({ stdout }) => parseStat(stdout, "directory") as FileInfo | false | null,
});

// A symbolic link with its target: null when missing, false when the path is not a link.
export const Link = defineFact<PathArgs, LinkInfo | false | null>({
  name: "Link",
  description: "a symbolic link's target, owner and mode",
  command: statCommand,
  parse: ({ stdout }) => parseStat(stdout, "link") as LinkInfo | false | null,
});

// The SHA-256 of a file, or null when it is missing or unreadable.
export const Sha256File = defineFact<PathArgs, string | null>({
  name: "Sha256File",
  description: "a file's SHA-256 hash",
  command: ({ path }) => `sha256sum -- ${shellQuote(path)} 2>/dev/null || true`,
  parse: ({ stdout }) => /^([0-9a-f]{64})\b/.exec(stdout.trim())?.[1] ?? null,
});

// Lines of a file matching an extended regular expression; null when the file is missing.
export const FindInFile = defineFact<{ path: string; pattern: string }, string[] | null>({
  name: "FindInFile",
  description: "lines of a file matching a pattern (grep -E)",
  command: ({ path, pattern }) => {
    const p = shellQuote(path);
    return `[ -f ${p} ] || exit 3; grep -E -e ${shellQuote(pattern)} -- ${p} || true`;
  },
  parse: ({ stdout, exitCode }) =>
    exitCode === 3 ? null : stdout.split("\n").filter((line, i, all) => line !== "" || i < all.length - 1),
});

export interface FileContentsInfo extends FileInfo {
  sha256: string;
  // The bytes, base64, when the file is at most `limit` bytes (else only the hash is known)
  content: string | null;
}

// Largest file whose content is fetched for diffs and edits.
export const contentLimit = 1024 * 1024;

// A regular file's metadata, hash and (up to 1 MiB) content: what put, template, line and replace compare.
export const FileContents = defineFact<PathArgs, FileContentsInfo | false | null>({
  name: "FileContents",
  description: "a file's metadata, SHA-256 and content (up to 1 MiB)",
  // Three processes (stat, sha256sum, base64): this runs for every file an operation writes.
  command: ({ path }) => {
    const p = shellQuote(path);
    return [
      `if [ -e ${p} ] || [ -L ${p} ]; then s=$(stat -L -c '%F|%U|%G|%a|%s|%Y' -- ${p}) && echo "$s";`,
      `if [ -f ${p} ]; then sha256sum -- ${p}; r=\${s%|*};`,
      `if [ "\${r##*|}" -le ${contentLimit} ]; then base64 -w0 < ${p}; echo; fi; fi; fi`,
    ].join(" ");
  },
  parse: ({ stdout }) => {
    const [head = "", hashLine = "", content] = stdout.split("\n");
    const info = parseStat(head, "file");
    if (!info) return info as false | null;
    // sha256sum prints "HASH  path" (a leading backslash for unusual paths). No hash means the file
    // could not be read (permissions): its content is unknown too.
    const sha256 = /^\\?([0-9a-f]{64})/.exec(hashLine.trim())?.[1] ?? "";
    const readable = sha256 !== "";
    return {
      ...info,
      sha256,
      content: !readable || content === undefined || (content === "" && info.size > 0) ? null : content,
    };
  },
});

// The entries of a directory (names only), or null when it is missing.
export const DirectoryEntries = defineFact<PathArgs, string[] | null>({
  name: "DirectoryEntries",
  description: "names in a directory",
  command: ({ path }) => `[ -d ${shellQuote(path)} ] || exit 3; ls -A -- ${shellQuote(path)}`,
  parse: ({ stdout, exitCode }) => (exitCode === 3 ? null : lines(stdout)),
});

// SHA-256 of every file under a directory, by path relative to it; null when the directory is missing.
export const DirectoryHashes = defineFact<PathArgs, Record<string, string> | null>({
  name: "DirectoryHashes",
  description: "SHA-256 of every file under a directory",
  command: ({ path }) => {
    const p = shellQuote(path);
    return `[ -d ${p} ] || exit 3; cd ${p} && find . -type f -exec sha256sum {} + 2>/dev/null || true`;
  },
  parse: ({ stdout, exitCode }) => {
    if (exitCode === 3) return null;
    const hashes: Record<string, string> = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^([0-9a-f]{64}) [ *]\.\/(.+)$/.exec(line);
      if (match?.[1] && match[2]) hashes[match[2]] = match[1];
    }
    return hashes;
  },
});
