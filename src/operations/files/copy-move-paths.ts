// files.copy and files.move: reading src and dest, the facts they need, and what is at a path.
import { posix } from "node:path";
import { Directory, DirectoryHashes, File, Link, Sha256File } from "../../facts/files.js";
import type { FactLookup, FactNeed } from "../operation.js";
import { booleanArg, OperationArgumentError, refuseOptionLike, rejectUnknown, requiredString } from "../shared/args.js";

// The arguments of files.copy and files.move, with the path src ends up at.
export interface CopyMoveArgs {
  src: string;
  dest: string;
  target: string;
  overwrite: boolean;
}

// What is at a path, compared by content: a file by hash, a directory by the hashes of its files, a link by target.
export type PathState =
  | { kind: "missing" }
  | { kind: "file"; sha256: string | null }
  | { kind: "directory"; hashes: Record<string, string> | null }
  | { kind: "link"; target: string }
  | { kind: "other" };

// Reads src, dest and overwrite; src goes into the directory dest, keeping its name (as pyinfra does).
export function readCopyMoveArgs(args: Record<string, unknown>, operation: string): CopyMoveArgs {
  rejectUnknown(args, ["src", "dest", "overwrite"], operation);
  const src = requiredString(args, "src");
  const dest = requiredString(args, "dest");
  refuseOptionLike(src, "src", "give a path (e.g. ./-name).");
  refuseOptionLike(dest, "dest", "give a path (e.g. ./-name).");
  const name = posix.basename(src);
  if (name === "" || name === "." || name === "..")
    throw new OperationArgumentError(
      `argument src ${JSON.stringify(src)} names no file or directory to ${operation === "files.move" ? "move" : "copy"}: give its path (e.g. /srv/app).`,
    );
  const target = posix.join(dest, name);
  if (posix.normalize(target) === posix.normalize(src))
    throw new OperationArgumentError(
      `argument dest ${JSON.stringify(dest)} is the directory src is already in: ${operation} puts src into the directory dest, keeping its name. Give another directory.`,
    );
  return { src, dest, target, overwrite: booleanArg(args, "overwrite", false) };
}

// The facts that tell what is at a path (with `content`: the hashes to compare it by too).
function pathStateFacts(path: string, content: boolean): FactNeed[] {
  const facts = content ? [File, Directory, Link, Sha256File, DirectoryHashes] : [File, Directory, Link];
  return facts.map((fact) => ({ fact, args: { path } }));
}

// The facts files.copy and files.move need: what src and the path it goes to hold, and whether dest is a directory.
export function copyMoveFacts(args: CopyMoveArgs, content: boolean): FactNeed[] {
  return [
    ...pathStateFacts(args.src, content),
    { fact: Directory, args: { path: args.dest } },
    ...pathStateFacts(args.target, content),
  ];
}

// What is at a path, from pathStateFacts (hashes only when they were asked for).
export function readPathState(facts: FactLookup, path: string, content: boolean): PathState {
  const args = { path };
  const file = facts.get(File, args);
  if (file === null) return { kind: "missing" };
  if (file) return { kind: "file", sha256: content ? facts.get(Sha256File, args) : null };
  if (facts.get(Directory, args))
    return { kind: "directory", hashes: content ? facts.get(DirectoryHashes, args) : null };
  const link = facts.get(Link, args);
  if (link) return { kind: "link", target: link.link_target };
  return { kind: "other" };
}

// Whether two paths hold the same thing (a file with the same content, a directory with the same files, a link with the same target).
export function sameContent(a: PathState, b: PathState): boolean {
  if (a.kind === "file" && b.kind === "file") return a.sha256 !== null && a.sha256 === b.sha256;
  if (a.kind === "link" && b.kind === "link") return a.target === b.target;
  if (a.kind === "directory" && b.kind === "directory") {
    if (!a.hashes || !b.hashes) return false;
    const keys = Object.keys(a.hashes);
    return keys.length === Object.keys(b.hashes).length && keys.every((k) => a.hashes?.[k] === b.hashes?.[k]);
  }
  return false;
}

// Refuses a dest that is not an existing directory (pyinfra refuses it too).
export function requireDirectory(facts: FactLookup, dest: string, operation: string): void {
  if (!facts.get(Directory, { path: dest }))
    throw new OperationArgumentError(
      `dest ${dest} is not an existing directory: ${operation} puts src into the directory dest, keeping its name. Create it first (files.directory) or give the directory to put src in.`,
    );
}
