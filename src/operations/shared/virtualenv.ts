// Python virtualenvs, shared by pip.virtualenv, pip.venv and pip.packages (which creates its virtualenv).
import { posix } from "node:path";
import { File } from "../../facts/files.js";
import { shellQuote } from "../../util/shell-quote.js";
import type { FactLookup, FactNeed } from "../operation.js";
import { booleanArg, optionalString, refuseOptionLike, rejectUnknown, requiredString } from "./args.js";

// A virtualenv's settings, checked.
export interface VirtualenvSettings {
  path: string;
  // The interpreter; undefined: the virtualenv command's own (virtualenv) or python3 (venv).
  python?: string;
  // Create it with `python -m venv` instead of the virtualenv command.
  venv: boolean;
  sitePackages: boolean;
  alwaysCopy: boolean;
  present: boolean;
}

// The settings keys (pyinfra's names) beside `path`.
export const virtualenvKeys = ["python", "venv", "site_packages", "always_copy", "present"];

// Reads a virtualenv's settings; `venv` is fixed for pip.venv and defaults to false elsewhere.
export function readVirtualenvSettings(
  args: Record<string, unknown>,
  operation: string,
  options: { venv?: boolean; path?: string } = {},
): VirtualenvSettings {
  const keys = [...(options.path === undefined ? ["path"] : []), ...virtualenvKeys];
  rejectUnknown(args, options.venv === undefined ? keys : keys.filter((key) => key !== "venv"), operation);
  const path = options.path ?? requiredString(args, "path");
  const python = optionalString(args, "python");
  refuseOptionLike(path, options.path === undefined ? "path" : "virtualenv", "give the virtualenv's directory.");
  refuseOptionLike(python, "python", 'give the interpreter, e.g. "python3".');
  return {
    path,
    python,
    venv: options.venv ?? booleanArg(args, "venv", false),
    sitePackages: booleanArg(args, "site_packages", false),
    alwaysCopy: booleanArg(args, "always_copy", false),
    present: booleanArg(args, "present", true),
  };
}

// The file whose presence says the virtualenv exists (an empty directory is not one).
export function activateScript(path: string): string {
  return posix.join(path, "bin", "activate");
}

// The fact the virtualenv planner reads.
export function virtualenvFacts(settings: VirtualenvSettings): FactNeed[] {
  return [{ fact: File, args: { path: activateScript(settings.path) } }];
}

// Whether the virtualenv exists.
export function virtualenvExists(settings: VirtualenvSettings, facts: FactLookup): boolean {
  return Boolean(facts.get(File, { path: activateScript(settings.path) }));
}

// The command creating the virtualenv.
export function createVirtualenv(settings: VirtualenvSettings): string {
  const command = settings.venv
    ? [shellQuote(settings.python ?? "python3"), "-m", "venv"]
    : ["virtualenv", ...(settings.python ? ["-p", shellQuote(settings.python)] : [])];
  if (settings.sitePackages) command.push("--system-site-packages");
  if (settings.alwaysCopy) command.push(settings.venv ? "--copies" : "--always-copy");
  return [...command, "--", shellQuote(settings.path)].join(" ");
}

// The virtualenv's plan: the commands and why, or why nothing is to be done.
export function planVirtualenv(
  settings: VirtualenvSettings,
  exists: boolean,
): { commands: string[]; reason: string } | { noop: string } {
  if (!settings.present)
    return exists
      ? { commands: [`rm -rf -- ${shellQuote(settings.path)}`], reason: `remove virtualenv ${settings.path}` }
      : { noop: `virtualenv ${settings.path} does not exist` };
  return exists
    ? { noop: `virtualenv ${settings.path} exists` }
    : { commands: [createVirtualenv(settings)], reason: `create virtualenv ${settings.path}` };
}
