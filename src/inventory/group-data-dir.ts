// Reads `group_data/<group>.{ts,mts,js,mjs,json,py}` beside an inventory, as pyinfra does.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { InventoryError } from "../errors.js";
import type { ApiProvider } from "../loader/hooks.js";
import { loadModule } from "../loader/load-module.js";
import { formatOf } from "../loader/module-kinds.js";
import { isPythonFile } from "../loader/python-module.js";
import { displayPath } from "../util/display-path.js";
import type { GroupDataFile } from "./build-inventory.js";
import { readDataExports } from "./read-exports.js";

// Loads every group data file next to the inventory; two files for one group are an error.
export async function loadGroupDataDir(
  inventoryFile: string,
  warnings: string[],
  api: ApiProvider,
): Promise<Map<string, GroupDataFile>> {
  const dir = join(dirname(inventoryFile), "group_data");
  const files = new Map<string, GroupDataFile>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return files;
  for (const entry of readdirSync(dir).sort()) {
    if ((!formatOf(entry) && !isPythonFile(entry)) || entry.endsWith(".d.ts")) continue;
    const group = basename(entry, extname(entry));
    const path = join(dir, entry);
    const shown = displayPath(path);
    const earlier = files.get(group);
    if (earlier) {
      throw new InventoryError(
        `${earlier.file} and ${shown} both hold data for group "${group}". Keep one file per group.`,
      );
    }
    const loaded = await loadModule(path, { role: "group data file", api, python: true });
    warnings.push(...(loaded.warnings ?? []));
    files.set(group, { file: shown, data: readDataExports(loaded.exports, shown, warnings) });
  }
  return files;
}
