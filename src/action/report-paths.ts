// The reports input's lines (paths or globs, as actions/download-artifact lays files out) to files.
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { findGlobProblem, globToRegExp, isGlob } from "../util/glob.js";

// Every file the lines name, in sorted order per line, each once. A line matching nothing is an
// error: a shard whose report is missing would otherwise drop out of the review unseen.
export function expandReportPaths(lines: readonly string[], cwd = process.cwd()): string[] {
  const files = new Set<string>();
  for (const line of lines) {
    const problem = isGlob(line) ? findGlobProblem(line) : undefined;
    if (problem) throw new UsageError(`The reports input line "${line}" is not a valid glob: ${problem}.`);
    const absolute = line.startsWith("/");
    const matched = expandSegments(absolute ? "/" : cwd, line.split("/").filter(Boolean)).sort();
    if (matched.length === 0)
      throw new UsageError(
        `The reports input line "${line}" matches no file in ${absolute ? "/" : cwd}. Download every shard's report first (actions/download-artifact with a path such as reports/), and give paths or globs such as reports/*/report.json.`,
      );
    for (const file of matched) files.add(absolute ? file : file.slice(resolve(cwd).length + 1) || file);
  }
  return [...files];
}

// Files under `dir` that the path segments match; "*", "?" and "[…]" within a segment, "**" for any
// number of directories.
function expandSegments(dir: string, segments: readonly string[]): string[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return isFile(dir) ? [resolve(dir)] : [];
  if (segment === "**")
    return [
      ...expandSegments(dir, rest),
      ...listDir(dir)
        .filter((name) => isDirectory(join(dir, name)))
        .flatMap((name) => expandSegments(join(dir, name), segments)),
    ];
  if (!isGlob(segment)) return expandSegments(join(dir, segment), rest);
  const pattern = globToRegExp(segment);
  return listDir(dir)
    .filter((name) => pattern.test(name))
    .flatMap((name) => expandSegments(join(dir, name), rest));
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => !name.startsWith("."));
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
