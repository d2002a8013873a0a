// The contract's JSON form of an inventory (`infra-action inventory FILE --json`).
import type { Inventory } from "./types.js";

export interface InventoryJson {
  hosts: Array<{ name: string; connector: string; groups: string[]; data: Record<string, unknown> }>;
  groups: Record<string, string[]>;
  warnings: string[];
}

// Hosts in inventory order with sorted groups and merged data; groups by name; warnings.
export function toInventoryJson(inventory: Inventory): InventoryJson {
  return {
    hosts: inventory.hosts.map(({ name, connector, groups, data }) => ({ name, connector, groups, data })),
    groups: inventory.groups,
    warnings: inventory.warnings,
  };
}
