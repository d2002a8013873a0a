// What the module hooks do, independent of how Node runs them (in-thread `registerHooks` or the
// off-thread `register` on older Node): resolve extensionless local imports and "infra-action",
// pass a deploy instance on to the user's own modules, and compile TypeScript.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ModuleLoadError } from "../errors.js";
import { formatOf, resolvableExtensions } from "./module-kinds.js";
import { type CheckedSource, checkModuleSyntax, compileTypeScript } from "./syntax.js";

const apiUrl = "infra-action:api";

export interface Resolved {
  url: string;
  shortCircuit: true;
}

export interface Loaded {
  format: "module";
  source: string;
  shortCircuit: true;
}

// Resolution before Node's own: "infra-action" is this running copy's API.
export function resolveApi(specifier: string, parentURL: string | undefined): Resolved | undefined {
  if (specifier !== "infra-action" && !specifier.startsWith("infra-action/")) return undefined;
  return { url: withInstance(apiUrl, instanceOf(parentURL)), shortCircuit: true };
}

// Resolution after Node's own: Node's answer (or, when it found nothing, the local file that an
// extensionless import means) carrying the importer's deploy instance; else a clear error.
export function finishResolve(
  specifier: string,
  parentURL: string | undefined,
  nodeUrl: string | undefined,
  nodeError: unknown,
): Resolved {
  const url = nodeUrl ?? resolveLocalFile(specifier, parentURL);
  if (!url) throw importError(specifier, parentURL, nodeError);
  // A deploy file evaluated for one host passes its instance on to the user's own modules, so
  // each host gets its own evaluation of them, bound to that host (like pyinfra's per-host exec).
  const own = url.startsWith("file:") && !url.includes("/node_modules/");
  return { url: own ? withInstance(url, instanceOf(parentURL)) : url, shortCircuit: true };
}

// Loading before Node's own: the API module and compiled TypeScript; JavaScript is syntax-checked
// (for errors with line:column) and left to Node. Undefined means "Node loads it".
export function loadUserModule(url: string, apiNames: readonly string[]): Loaded | undefined {
  if (stripQuery(url) === apiUrl) {
    return { format: "module", source: apiModuleSource(apiNames, instanceOf(url)), shortCircuit: true };
  }
  if (!url.startsWith("file:")) return undefined;
  const file = fileURLToPath(stripQuery(url));
  const format = formatOf(file);
  if (format === "typescript") return { format: "module", source: checkedSource(file).code, shortCircuit: true };
  if (format === "javascript" && !url.includes("/node_modules/")) checkedSource(file);
  return undefined;
}

// Checked (and compiled) source of user modules by path: a deploy file evaluated once per host is
// compiled once. Also gives export order, which ESM namespaces lose (they sort their keys).
const checkedSources = new Map<string, CheckedSource & { mtimeMs: number }>();

// The compiled, syntax-checked source of a user file, cached until the file changes.
export function checkedSource(file: string): CheckedSource {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = checkedSources.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const source = readFileSync(file, "utf8");
  const code = formatOf(file) === "typescript" ? compileTypeScript(source, file) : source;
  const checked = checkModuleSyntax(code, file);
  checkedSources.set(file, { ...checked, mtimeMs });
  return checked;
}

// Re-exports the API's members so `import { host } from "infra-action"` works. Under an instance
// (one host's evaluation of a deploy file) the provider's `forInstance` gives members bound to it.
function apiModuleSource(names: readonly string[], instance: string | undefined): string {
  const provider = `globalThis[Symbol.for("infra-action.api")]`;
  const api = instance ? `${provider}.forInstance(${JSON.stringify(instance)})` : `${provider}.api`;
  return [
    `const api = ${api};`,
    ...names.map((name) => `export const ${name} = api[${JSON.stringify(name)}];`),
    "export default api;",
  ].join("\n");
}

function instanceOf(url: string | undefined): string | undefined {
  const match = url ? /[?&]instance=([^&]*)/.exec(url) : null;
  return match ? decodeURIComponent(match[1] ?? "") : undefined;
}

function withInstance(url: string, instance: string | undefined): string {
  return instance === undefined ? url : `${stripQuery(url)}?instance=${encodeURIComponent(instance)}`;
}

function stripQuery(url: string): string {
  const q = url.indexOf("?");
  return q < 0 ? url : url.slice(0, q);
}

// Finds `./hosts` as hosts.ts, hosts.js, …, or hosts/index.ts; also `./x.js` written for x.ts.
function resolveLocalFile(specifier: string, parentURL: string | undefined): string | undefined {
  if (!parentURL?.startsWith("file:") || !/^\.{1,2}\//.test(specifier)) return undefined;
  const base = fileURLToPath(new URL(specifier, parentURL));
  const candidates = [
    ...resolvableExtensions.map((ext) => base + ext),
    ...resolvableExtensions.map((ext) => `${base}/index${ext}`),
    ...(/\.m?js$/.test(base) ? [base.replace(/\.(m?)js$/, ".$1ts")] : []),
  ];
  const found = candidates.find((file) => existsSync(file) && statSync(file).isFile());
  return found ? pathToFileURL(found).href : undefined;
}

// A user-facing message for an import that cannot be resolved; other resolution errors pass through.
function importError(specifier: string, parentURL: string | undefined, error: unknown): Error {
  const code = (error as { code?: string } | undefined)?.code;
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "ERR_UNSUPPORTED_DIR_IMPORT") return error as Error;
  const from = parentURL?.startsWith("file:") ? fileURLToPath(stripQuery(parentURL)) : "the module";
  const hint = /^\.{0,2}\//.test(specifier)
    ? `no file matches it (tried the extensions ${resolvableExtensions.join(", ")} and index files)`
    : `the package is not installed: run \`npm install ${packageName(specifier)}\` in the repository`;
  return new ModuleLoadError(`${from} imports "${specifier}", but ${hint}.`);
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}
