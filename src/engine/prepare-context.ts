// The local I/O operations may do before planning: read the repository's files, render templates.
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { OperationError } from "../errors.js";
import type { PrepareContext } from "../operations/operation.js";
import { renderTemplate } from "../templates/render-template.js";

export interface TemplateGlobals {
  host: { name: string; groups: readonly string[]; data: Readonly<Record<string, unknown>> };
  inventory: { hosts: string[]; groups: Record<string, string[]> };
}

// Paths are relative to the working directory, else to the deploy file's directory (as in pyinfra).
export function createPrepareContext(deployDirs: string[], globals: TemplateGlobals): PrepareContext {
  const locate = (path: string): string => {
    const candidates = [resolve(path), ...deployDirs.map((dir) => resolve(dir, path))];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found)
      throw new OperationError(`${path} does not exist (looked in ${[process.cwd(), ...deployDirs].join(", ")}).`);
    return found;
  };
  return {
    readLocalFile: async (path) => readFile(locate(path)),
    readLocalFileIfExists: async (path) => (existsSync(resolve(path)) ? readFile(resolve(path)) : undefined),
    renderTemplate: async (path, variables, settings) => {
      const file = locate(path);
      const source = await readFile(file, "utf8");
      // As in pyinfra, a variable the user passes named `host` or `inventory` wins over the built-in one.
      return renderTemplate(
        source,
        { host: globals.host, inventory: globals.inventory, ...variables },
        { name: path, searchPath: dirname(file), jinja: settings },
      );
    },
    readLocalTree: async (path) => {
      const root = locate(path);
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
      return Promise.all(
        files.sort().map(async (file) => ({
          path: relative(root, file),
          content: await readFile(file),
          mode: (await stat(file)).mode,
        })),
      );
    },
  };
}
