// Installed npm packages, globally or in a project directory.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, type Unreadable, unreadable } from "./fact.js";
import type { PackageVersions } from "./packages.js";
import { cannotRead } from "./stderr.js";

/** The arguments of the NpmPackages fact. */
export interface NpmPackagesArgs {
  /** The project directory; not given: the global packages (npm -g). */
  directory?: string;
}

/**
 * npm packages installed globally, or in a project directory (top level only; scoped names as
 * "@scope/name"). A directory that does not exist yet has none.
 * `await host.getFact("NpmPackages", { directory })`.
 */
export const NpmPackages = defineFact<NpmPackagesArgs, PackageVersions>({
  name: "NpmPackages",
  description: "npm packages installed globally or in a directory",
  arguments: { directory: { type: "string", description: "the project directory (default: global)" } },
  command: ({ directory } = {}) =>
    directory === undefined
      ? "npm ls -g --depth=0 --json"
      : `if [ -d ${shellQuote(directory)} ]; then cd ${shellQuote(directory)} && npm ls --depth=0 --json; else echo '{}'; fi`,
  // npm ls exits 1 when the tree has problems (a missing or extraneous package) yet prints the tree;
  // a missing npm (127) has installed nothing, as a missing pip.
  parse: (output, { directory } = {}) =>
    output.exitCode === 127 ? emptyRecord() : parseNpmList(output.stdout, output.stderr, directory),
});

// npm ls --json: {"dependencies": {"name": {"version": "1.0.0"}}}; entries without a version are missing.
function parseNpmList(stdout: string, stderr: string, directory: string | undefined): PackageVersions | Unreadable {
  const where = directory === undefined ? "the global npm packages" : `the npm packages of ${directory}`;
  let tree: unknown;
  try {
    tree = JSON.parse(stdout);
  } catch {
    return unreadable(cannotRead(where, stderr, "list"));
  }
  if (typeof tree !== "object" || tree === null) return unreadable(cannotRead(where, stderr, "list"));
  const error = (tree as { error?: { summary?: unknown } }).error;
  if (error) return unreadable(cannotRead(where, typeof error.summary === "string" ? error.summary : stderr, "list"));
  const packages: PackageVersions = emptyRecord();
  const dependencies = (tree as { dependencies?: unknown }).dependencies;
  if (typeof dependencies !== "object" || dependencies === null) return packages;
  for (const [name, info] of Object.entries(dependencies)) {
    const version = (info as { version?: unknown; missing?: unknown } | null)?.version;
    if (typeof version === "string" && !(info as { missing?: unknown }).missing) packages[name] = [version];
  }
  return packages;
}
