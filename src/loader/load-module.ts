// The project's one module loader: reads an inventory, group data or deploy file (.ts, .mts, .js,
// .mjs, .json; pyinfra's .py inventories and group data through python3) and returns its exports in
// source order, turning every failure into a clear user error.
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type ParseError, parse as parseJson, printParseErrorCode } from "jsonc-parser";
import { isUserError, ModuleLoadError } from "../errors.js";
import { displayPath } from "../util/display-path.js";
import { checkedSource } from "./hook-logic.js";
import { type ApiProvider, installLoaderHooks } from "./hooks.js";
import { describeExtensions, formatOf } from "./module-kinds.js";
import { isPythonFile, loadPythonModule } from "./python-module.js";
import { lineColumn } from "./syntax.js";

export interface LoadedModule {
  // Absolute path of the file.
  file: string;
  // The exports as [name, value] pairs: declared ones in source order, then the rest (`export *`).
  // A pyinfra `.py` file's are its variables in definition order.
  exports: Array<[string, unknown]>;
  // What was read but is not data (a `.py` file's top-level objects), said once per file.
  warnings?: string[];
}

export interface LoadOptions {
  // What the file is to the user, for messages ("inventory", "group data file", "deploy file").
  role: string;
  // Evaluate the module anew instead of reusing an earlier evaluation (deploy files run once per host).
  instance?: string;
  // What the module's `import … from "infra-action"` gets, handed in by the caller (the loader
  // does not import the API).
  api: ApiProvider;
  // Read pyinfra's `.py` files too (inventories and group data), by running them with python3.
  python?: boolean;
}

// Loads one user module and returns its exports; every problem becomes a ModuleLoadError.
export async function loadModule(path: string, options: LoadOptions): Promise<LoadedModule> {
  const file = resolve(path);
  const shown = displayPath(file);
  if (!existsSync(file)) {
    throw new ModuleLoadError(
      `${options.role} ${shown} does not exist. Check the path (it is relative to ${process.cwd()}).`,
    );
  }
  if (!statSync(file).isFile()) {
    throw new ModuleLoadError(`${options.role} ${shown} is a directory; give the path of a file inside it.`);
  }
  if (options.python && isPythonFile(file)) return loadPythonModule(file, options.role);
  const format = formatOf(file);
  if (!format) {
    // (A .py reaches here only as a deploy file: inventories and group data in .py go to python3.)
    const fix = isPythonFile(file)
      ? "pyinfra's Python is read for inventories and group data only; write deploy files in TypeScript or JavaScript."
      : `Rename it or convert it to one of these${options.role === "inventory" ? " or to a pyinfra inventory (`.py`)" : ""}.`;
    throw new ModuleLoadError(
      `${options.role} ${shown} has an unsupported extension; infra-action reads ${describeExtensions()} files. ${fix}`,
    );
  }
  if (format === "json") return { file, exports: loadJson(file, shown, options.role) };

  installLoaderHooks(options.api);
  const url = pathToFileURL(file).href + (options.instance ? `?instance=${encodeURIComponent(options.instance)}` : "");
  let namespace: Record<string, unknown>;
  try {
    namespace = await import(url);
  } catch (error) {
    if (isUserError(error)) throw relativise(error);
    // Errors from off-thread hooks arrive as plain Errors that keep their name.
    if ((error as Error)?.name === "ModuleLoadError") throw relativise(new ModuleLoadError((error as Error).message));
    throw new ModuleLoadError(`${options.role} ${shown} failed while loading: ${describeThrown(error)}`);
  }
  return { file, exports: orderExports(namespace, checkedSource(file).exportOrder) };
}

// The exports of a module in declaration order; names the source does not show come last.
function orderExports(namespace: Record<string, unknown>, declared: string[]): Array<[string, unknown]> {
  const names = [...new Set(declared.filter((name) => name in namespace))];
  for (const name of Object.keys(namespace)) if (!names.includes(name)) names.push(name);
  return names.map((name) => [name, namespace[name]]);
}

function loadJson(file: string, shown: string, role: string): Array<[string, unknown]> {
  const text = readFileSync(file, "utf8");
  // jsonc-parser, strict, for what JSON.parse does not say: where the first error is.
  const errors: ParseError[] = [];
  const value: unknown = parseJson(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) {
    throw new ModuleLoadError(
      `${shown}:${lineColumn(text, first.offset)}: syntax error: ${describeJsonError(first.error)}. Fix the JSON at that position and run again.`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ModuleLoadError(
      `${role} ${shown} must hold a JSON object whose keys play the role of exports (e.g. {"targets": ["web-01"]}); it holds ${Array.isArray(value) ? "an array" : JSON.stringify(value)}.`,
    );
  }
  return Object.entries(value);
}

// "TypeError: x is not a function (inventory/prod.ts:12:5)": the error and where in user code it arose.
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return `it threw ${JSON.stringify(error) ?? String(error)}`;
  const where = userFrame(error.stack ?? "");
  return `${error.name}: ${error.message}${where ? ` (at ${where})` : ""}`;
}

// The first stack frame (file:line:column) in a file that is not part of infra-action or Node itself.
export function userFrame(stack: string): string | undefined {
  const own = fileURLToPath(new URL(".", import.meta.url));
  // (Not "node:internal/…:1:2": a path starts a frame, after "(" or a space.)
  for (const match of stack.matchAll(/(?<![\w:])(file:\/\/[^\s)]+?|\/[^\s():]+?):(\d+):(\d+)/g)) {
    const location = match[1] ?? "";
    const path = location.startsWith("file:") ? fileURLToPath(location.replace(/\?.*$/, "")) : location;
    if (path.startsWith(own) || path.includes("/node_modules/")) continue;
    return `${displayPath(path)}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

// Rewrites absolute paths in a user error's message relative to the working directory.
function relativise(error: Error): Error {
  const cwd = `${process.cwd()}/`;
  error.message = error.message.split(cwd).join("");
  return error;
}

// "ValueExpected" → "value expected".
function describeJsonError(code: ParseError["error"]): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
}
