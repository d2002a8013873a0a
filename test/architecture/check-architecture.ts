// Checks source files against the house: every import between parts must be an allowed arrow, no
// never-rule may be broken, and only the faces exit the process or handle its signals.
import { posix } from "node:path";
import { readSource } from "./read-source.js";
import { allowedArrows, faces, neverArrows, ownedPackages, type Part, partPlaces, processRuleWhy } from "./rules.js";

export interface SourceFile {
  // Path relative to the repository root, with "/" ("src/operations/files/put.ts").
  path: string;
  text: string;
}

// The part a file belongs to, or undefined when ARCHITECTURE.md does not place it.
function partOf(path: string): Part | undefined {
  for (const [place, part] of partPlaces) {
    if (place.endsWith("/") ? path.startsWith(place) : path === place) return part;
  }
  return undefined;
}

// The file a relative specifier names: `../util/x.js` from src/a/b.ts → src/util/x.ts.
function resolveSpecifier(from: string, specifier: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  return joined.replace(/\.(m?)js$/, ".$1ts");
}

// Every broken rule in the given files, one message each, naming file, line and rule.
export function checkArchitecture(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = partOf(file.path);
    if (!from) {
      problems.push(`${file.path} is in no part of ARCHITECTURE.md: move it into one of the parts' folders`);
      continue;
    }
    const { imports, processUses } = readSource(file.path, file.text);
    for (const { line, specifier } of imports) {
      const problem = checkImport(from, file.path, specifier);
      if (problem) problems.push(`${file.path}:${line} ${problem}`);
    }
    if (!faces.includes(from)) {
      for (const { line, what } of processUses) {
        problems.push(
          `${file.path}:${line} calls ${what}: ${from} → process.exit and signal handlers is never allowed (${processRuleWhy})`,
        );
      }
    }
  }
  return problems;
}

// What is wrong with one import of a file in part `from`, or undefined when it is allowed.
function checkImport(from: Part, path: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) {
    const owned = ownedPackages.find(([prefix]) => specifier.startsWith(prefix));
    if (!owned || owned[1] === from) return undefined;
    return `imports ${specifier}: ${from} → ${owned[0]}* is never allowed (${owned[2]})`;
  }
  const target = resolveSpecifier(path, specifier);
  const to = partOf(target);
  if (!to) return `imports ${target}, which is in no part of ARCHITECTURE.md`;
  if (to === from || to === "Util") return undefined;
  const never = neverArrows.find(([f, t]) => f === from && t === to);
  if (never) return `imports ${target}: ${from} → ${to} is never allowed (${never[2]})`;
  if (allowedArrows.some(([f, t]) => f === from && t === to)) return undefined;
  return `imports ${target}: ${from} → ${to} is not an arrow that may exist (ARCHITECTURE.md lists them)`;
}
