// Turns what the Python runner reported into [name, value] pairs and warnings, or into one clear
// InventoryError naming the file, the line or the variable (never a Python traceback).
import { InventoryError } from "../errors.js";
import { displayPath } from "../util/display-path.js";
import { asSentence } from "../util/sentence.js";
import type { PythonRun } from "./python-run.js";

// A file's variables in definition order, and warnings for values left out.
export interface PythonVariables {
  exports: Array<[string, unknown]>;
  warnings: string[];
}

interface Skipped {
  name: string;
  type: string;
  repr: string;
}

type RunnerError =
  | { kind: "syntax"; line: number | null; column: number | null; message: string }
  | { kind: "read"; message: string }
  | { kind: "exit"; code: string }
  | { kind: "not-data"; where: string; type: string; repr: string; reason: string | null }
  | {
      kind: "exception";
      type: string;
      message: string;
      line: number | null;
      raisedIn: { file: string; line: number } | null;
      syntax: { file: string; line: number | null; message: string } | null;
    };

const dataHelp = "Inventory values are strings, numbers, booleans, None, lists, tuples and dicts";

// Reads a run of `file` (absolute) as the user's `role` ("inventory", "group data file").
export function readPythonRun(run: PythonRun, file: string, role: string): PythonVariables {
  const shown = displayPath(file);
  if (run.kind === "missing") {
    throw new InventoryError(
      `${role} ${shown} is a pyinfra (Python) file, and reading it needs ${run.python}, which is not on PATH. Install Python 3 (\`apt-get install python3\`, \`brew install python\`), or in a workflow add an \`actions/setup-python\` step before this one.`,
    );
  }
  if (run.kind === "timeout") {
    throw new InventoryError(
      `${role} ${shown} did not finish within ${run.seconds} s, so python3 was stopped. Look for code that waits: a network call without a timeout, input(), an endless loop.`,
    );
  }
  if (run.kind === "too-large") {
    throw new InventoryError(
      `${role} ${shown} produced more than ${run.megabytes} MB of data; python3 was stopped. Check for a loop that builds data without end.`,
    );
  }
  if (run.kind === "crashed") {
    const how =
      run.spawnError ?? (run.signal ? `it was killed by ${run.signal}` : `it exited with code ${run.exitCode}`);
    const tail = run.stderrTail.trim();
    throw new InventoryError(
      `python3 stopped before reporting ${role} ${shown}: ${how}.${tail ? ` Its last output:\n${tail}` : ""}`,
    );
  }
  const result = run.result as { error?: RunnerError; variables?: Array<[string, unknown]>; skipped?: Skipped[] };
  if (result.error) throw new InventoryError(describeError(result.error, shown, role));
  const warnings = (result.skipped ?? []).map(
    (item) =>
      `${shown}: variable "${item.name}" is ${withArticle(item.type)} (${item.repr}), which is not data; it is ignored. ${dataHelp}.`,
  );
  return { exports: result.variables ?? [], warnings };
}

function describeError(error: RunnerError, shown: string, role: string): string {
  switch (error.kind) {
    case "syntax":
      return `${shown}${at(error.line, error.column)}: syntax error: ${asSentence(error.message)} Fix the syntax at that position and run again.`;
    case "read":
      return `${role} ${shown} cannot be read: ${asSentence(error.message)} Save it as UTF-8 text.`;
    case "exit":
      return `${role} ${shown} called sys.exit(${error.code === "None" ? "" : error.code}) while it ran. An inventory only defines variables; remove the exit.`;
    case "not-data":
      return `${shown}: variable ${error.where} is ${error.reason ? `${error.reason} (${error.repr})` : `${withArticle(error.type)} (${error.repr}), which is not data`}. ${dataHelp}: convert it (for example with str()).`;
    case "exception": {
      if (error.syntax) {
        return `${displayPath(error.syntax.file)}${at(error.syntax.line, null)}: syntax error: ${error.syntax.message.replace(/[.?!]$/, "")} (imported by ${shown}${at(error.line, null)}). Fix the syntax at that position and run again.`;
      }
      const where = [
        error.line ? `${shown}:${error.line}` : undefined,
        error.raisedIn ? `raised in ${displayPath(error.raisedIn.file)}:${error.raisedIn.line}` : undefined,
      ].filter(Boolean);
      const message = error.message ? `${error.type}: ${error.message}` : error.type;
      return `${role} ${shown} failed while running: ${asSentence(`${message}${where.length ? ` (at ${where.join(", ")})` : ""}`)}${importHint(error)}`;
    }
  }
}

// What to do about an import that failed: pyinfra's own API is not there; other modules can be.
function importHint(error: { type: string; message: string }): string {
  if (error.type !== "ModuleNotFoundError") return "";
  const name = /'([^'.]+)/.exec(error.message)?.[1] ?? "";
  if (name === "pyinfra") {
    return " infra-action reads inventories without pyinfra, so pyinfra's API (pyinfra.host, pyinfra.inventory) cannot be imported there; keep the file to plain data.";
  }
  return ` Put ${name || "the module"}.py beside the inventory, or install the package for python3 (\`pip install …\`).`;
}

// "a set", "an object", "a datetime.date".
function withArticle(typeName: string): string {
  return `${/^[aeiou]/i.test(typeName) ? "an" : "a"} ${typeName}`;
}

function at(line: number | null, column: number | null): string {
  if (!line) return "";
  return column ? `:${line}:${column}` : `:${line}`;
}
