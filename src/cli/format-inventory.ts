// The readable form of an inventory: a table of hosts and groups, then each host's merged data.
import type { Inventory } from "../inventory/types.js";
import { formatTable } from "../report/table.js";
import { showValue } from "../util/describe-value.js";
import { findJsonProblem } from "../util/json-data.js";
import { plural } from "../util/plural.js";

// Renders the inventory for a terminal or a log.
export function formatInventory(inventory: Inventory, file: string): string {
  const lines = [
    `Inventory ${file}: ${plural(inventory.hosts.length, "host")}, ${plural(Object.keys(inventory.groups).length, "group")}`,
    "",
    ...formatTable(
      ["HOST", "CONNECTOR", "GROUPS"],
      inventory.hosts.map((host) => [host.name, host.connector, host.groups.join(", ")]),
    ),
  ];
  for (const host of inventory.hosts) {
    lines.push("", `${host.name}`);
    const keys = Object.keys(host.data);
    if (keys.length === 0) lines.push("  (no data)");
    const width = Math.max(...keys.map((key) => key.length));
    for (const key of keys) lines.push(`  ${key.padEnd(width)}  ${showData(key, host.data[key])}`);
  }
  return `${lines.join("\n")}\n`;
}

// A value as code would show it; a BigInt shows as 10n, but a cycle, deep nesting or a throwing
// getter is named instead of printing "[object Object]".
function showData(key: string, value: unknown): string {
  const problem = findJsonProblem(value, [key]);
  return problem && problem.kind !== "bigint" ? `(not shown: ${problem.message})` : showValue(value);
}
