// The CLI's version, read from the package's own package.json: the nearest one above this module
// named infra-action (dist/cli.js → ./package.json of the package; src/cli/ in development).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// "0.1.0"; "unknown" when no package.json of infra-action is found (a copied bundle alone).
export function readVersion(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  // A bundle sits one folder below its package.json, a source file two: a few levels are plenty.
  for (let level = 0; level < 4; level++) {
    try {
      const found = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (found.name === "infra-action" && typeof found.version === "string") return found.version;
    } catch {
      // No (readable) package.json here: look one folder up.
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return "unknown";
}
