// Whether a path is a hard link to a target: both paths' kind, owner and file identity (device:inode).
import { shellQuote } from "../util/shell-quote.js";
import { defineFact } from "./fact.js";

/** What `stat` says of one path: its kind and its file identity (device:inode). */
export interface PathIdentity {
  /** What the path is. */
  kind: "file" | "link" | "directory" | "other";
  /** "2049:77": device and inode, the same for every hard link to one file. */
  id: string;
  /** The owning user's name. */
  user: string;
  /** The owning group's name. */
  group: string;
}

/** What the SameFile fact gives: both paths' identities. */
export interface SameFileInfo {
  /** The path, not followed when it is a symbolic link; null when missing. */
  path: PathIdentity | null;
  /** The target, followed; null when missing. */
  target: PathIdentity | null;
}

/** The arguments of the SameFile fact. */
export interface SameFileArgs {
  /** The link's path on the host (not followed). */
  path: string;
  /** The path it should be the same file as. */
  target: string;
}

/**
 * The two paths' identities; files.link (symbolic: false) compares them. Missing or unreadable paths are null.
 * `await host.getFact("SameFile", { path, target })`.
 */
export const SameFile = defineFact<SameFileArgs, SameFileInfo>({
  name: "SameFile",
  description: "whether a path and a target are the same file (a hard link)",
  arguments: {
    path: { type: "string", required: true, description: "the link's path on the host (not followed)" },
    target: { type: "string", required: true, description: "the path it should be the same file as" },
  },
  command: ({ path, target }) => {
    const format = "'%F|%d:%i|%U|%G'";
    return `printf 'path|'; stat -c ${format} -- ${shellQuote(path)} 2>/dev/null || echo; printf 'target|'; stat -L -c ${format} -- ${shellQuote(target)} 2>/dev/null || echo`;
  },
  parse: ({ stdout }) => {
    const found: SameFileInfo = { path: null, target: null };
    for (const line of stdout.split("\n")) {
      const [which, type = "", id = "", user = "", group = ""] = line.split("|");
      if ((which !== "path" && which !== "target") || id === "") continue;
      found[which] = { kind: kindOf(type), id, user, group };
    }
    return found;
  },
});

// stat's %F ("regular empty file", "symbolic link", …) as a kind.
function kindOf(type: string): PathIdentity["kind"] {
  if (type.includes("symbolic link")) return "link";
  if (type.includes("directory")) return "directory";
  if (type.includes("regular")) return "file";
  return "other";
}
