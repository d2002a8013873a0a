// `infra-action inventory FILE`: shows the resolved hosts, groups and data.
import { toInventoryJson } from "../../inventory/inventory-json.js";
import { loadInventory } from "../../inventory/load-inventory.js";
import { parseOverrides } from "../../inventory/overrides.js";
import { displayPath } from "../../loader/load-module.js";
import { formatInventory } from "../format-inventory.js";
import type { CliIo } from "../io.js";

export interface InventoryCommandOptions {
  json?: boolean;
  limit: string[];
  data: string[];
}

// Prints the inventory as the contract's JSON, or as a readable table with warnings on stderr.
export async function inventoryCommand(file: string, options: InventoryCommandOptions, io: CliIo): Promise<number> {
  const inventory = await loadInventory(file, { limit: options.limit, overrides: parseOverrides(options.data) });
  if (options.json) {
    io.stdout(`${JSON.stringify(toInventoryJson(inventory), null, 2)}\n`);
    return 0;
  }
  for (const warning of inventory.warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(formatInventory(inventory, displayPath(inventory.file)));
  return 0;
}
