// Loads an inventory file into resolved hosts, groups and data (DESIGN §2).
import { basename, extname } from "node:path";
import type { ApiProvider } from "../loader/hooks.js";
import { loadModule } from "../loader/load-module.js";
import { displayPath } from "../util/display-path.js";
import { buildInventory } from "./build-inventory.js";
import { loadGroupDataDir } from "./group-data-dir.js";
import { inlineHostSpecs } from "./inline-inventory.js";
import { applyLimit } from "./limit.js";
import { readInventoryExports } from "./read-exports.js";
import type { Data, Inventory } from "./types.js";

export interface InventoryOptions {
  // --limit items (group names or host globs).
  limit?: readonly string[];
  // --data overrides, already parsed.
  overrides?: Data;
  // What `import … from "infra-action"` gives the inventory and group data files (the engine's
  // publicApiProvider).
  api: ApiProvider;
}

// Reads the file (a module, or pyinfra's `.py` run by python3) and its group_data/ directory, or takes
// the hosts given on the command line (`@local`, `host1,host2`), resolves every host, then applies the limit.
export async function loadInventory(path: string, options: InventoryOptions): Promise<Inventory> {
  const inline = inlineHostSpecs(path);
  if (inline) {
    const parts = readInventoryExports([["targets", inline]], path);
    const built = buildInventory(parts, { file: path, groupDataFiles: new Map(), overrides: options.overrides ?? {} });
    return applyLimit({ file: path, ...built }, options.limit ?? []);
  }
  const loaded = await loadModule(path, { role: "inventory", api: options.api, python: true });
  const file = displayPath(loaded.file);
  const parts = readInventoryExports(loaded.exports, file);
  parts.warnings.unshift(...(loaded.warnings ?? []));
  const groupDataFiles = await loadGroupDataDir(loaded.file, parts.warnings, options.api);
  const stem = basename(loaded.file, extname(loaded.file));
  const built = buildInventory(parts, { file, stem, groupDataFiles, overrides: options.overrides ?? {} });
  return applyLimit({ file: loaded.file, ...built }, options.limit ?? []);
}
