// The resolved inventory: hosts with their connector, groups and merged data.
import type { ConnectorName } from "./host-name.js";

export type Data = Record<string, unknown>;

export interface InventoryHost {
  name: string;
  connector: ConnectorName;
  // Every group the host is in, sorted.
  groups: string[];
  // Merged data: overrides > host > groups (later-defined group wins) > global.
  data: Data;
}

export interface Inventory {
  // Absolute path of the inventory file.
  file: string;
  // Hosts in `targets` order (or order of first appearance in the groups).
  hosts: InventoryHost[];
  // Group name → host names, in host order.
  groups: Record<string, string[]>;
  warnings: string[];
}
