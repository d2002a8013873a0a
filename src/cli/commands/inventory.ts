// `infra-action inventory FILE`: shows the resolved hosts, groups and data.
import { toInventoryJson } from "../../inventory/inventory-json.js";
import { displayPath } from "../../util/display-path.js";
import { formatInventory } from "../format-inventory.js";
import { type HostSelectionOptions, loadSelectedHosts } from "../host-selection.js";
import type { CliSecrets } from "../secrets.js";

export interface InventoryCommandOptions extends HostSelectionOptions {
  json?: boolean;
}

// Prints the inventory as the contract's JSON, or as a readable table with warnings on stderr.
export async function inventoryCommand(
  file: string,
  options: InventoryCommandOptions,
  secrets: CliSecrets,
): Promise<number> {
  const inventory = await loadSelectedHosts(file, options, secrets);
  const { io } = secrets;
  if (options.json) {
    io.stdout(`${JSON.stringify(toInventoryJson(inventory), null, 2)}\n`);
    return 0;
  }
  for (const warning of inventory.warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(formatInventory(inventory, displayPath(inventory.file)));
  return 0;
}
