// The contract's JSON form of an inventory (`infra-action inventory FILE --json`).
import { InventoryError } from "../errors.js";
import { displayPath } from "../util/display-path.js";
import { findJsonProblem } from "../util/json-data.js";
import type { Inventory } from "./types.js";

export interface InventoryJson {
  hosts: Array<{ name: string; connector: string; groups: string[]; data: Record<string, unknown> }>;
  groups: Record<string, string[]>;
  warnings: string[];
}

// Hosts in inventory order with sorted groups and merged data; groups by name; warnings. Data JSON
// cannot print (a cycle, a BigInt, deep nesting, a throwing getter) is an error naming host and key.
export function toInventoryJson(inventory: Inventory): InventoryJson {
  for (const host of inventory.hosts) {
    const problem = findJsonProblem(host.data);
    if (problem)
      throw new InventoryError(
        `${displayPath(inventory.file)}: host ${host.name}: cannot print the data as JSON: ${problem.message}. ${problem.fix}`,
      );
  }
  return {
    hosts: inventory.hosts.map(({ name, connector, groups, data }) => ({ name, connector, groups, data })),
    groups: inventory.groups,
    warnings: inventory.warnings,
  };
}
