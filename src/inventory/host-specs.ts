// Host specs: `"web-01"` or `["web-01", { ssh_user: "deploy" }]`, and arrays of them (groups).

import { InventoryError } from "../errors.js";
import { describeValue as describeAny, isPlainObject } from "../util/describe-value.js";
import { hideSecretKeys } from "../util/secret-keys.js";
import { targetOf } from "./host-name.js";
import type { Data } from "./types.js";

export interface HostSpec {
  name: string;
  data: Data;
}

// Where a value came from, for messages: the file and the export.
export interface Origin {
  file: string;
  exportName: string;
}

const specHelp =
  'A host is a name ("web-01.example.com") or a [name, data] pair (["web-01.example.com", { ssh_user: "deploy" }]).';

// Tells whether an export looks meant as a list of hosts (a group): empty, or holding at least one
// name or [name, …] pair. Arrays of other things (`ports = [80, 443]`) are plain data.
export function looksLikeHostList(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  return (
    value.length === 0 ||
    value.some((item) => typeof item === "string" || (Array.isArray(item) && typeof item[0] === "string"))
  );
}

// pyinfra's group form `[hosts, groupData]`: a host list and a plain object.
export function isGroupWithData(value: unknown): value is [unknown[], Data] {
  return Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && isPlainObject(value[1]);
}

// Reads a list of host specs; any item that is not a host spec is an error naming export and index.
export function readHostSpecs(value: unknown, origin: Origin): HostSpec[] {
  if (!Array.isArray(value)) {
    throw new InventoryError(
      `${origin.file}: export "${origin.exportName}" must be an array of hosts; it is ${describeValue(value)}. ${specHelp}`,
    );
  }
  return value.map((item, index) => readHostSpec(item, origin, index));
}

function readHostSpec(item: unknown, origin: Origin, index: number): HostSpec {
  const where = `${origin.file}: export "${origin.exportName}", index ${index}`;
  if (typeof item === "string") return { name: checkHostName(item, where), data: {} };
  if (Array.isArray(item)) {
    const [name, data] = item;
    if (typeof name !== "string") {
      throw new InventoryError(`${where}: ${describeValue(item)} is a nested array, not a host. ${specHelp}`);
    }
    if (item.length !== 2 || !isPlainObject(data)) {
      throw new InventoryError(
        `${where}: ${describeValue(item)} is not a [name, data] pair: the second item must be an object of host data. ${specHelp}`,
      );
    }
    return { name: checkHostName(name, where), data: { ...data } };
  }
  const hint = isPlainObject(item) ? " To give a host data, pair it with its name: [name, data]." : "";
  throw new InventoryError(`${where}: ${describeValue(item)} is not a host. ${specHelp}${hint}`);
}

function checkHostName(name: string, where: string): string {
  if (name.trim() === "" || /\s/.test(name)) {
    throw new InventoryError(
      `${where}: ${JSON.stringify(name)} is not a host name: names are non-empty and have no spaces.`,
    );
  }
  const target = targetOf(name);
  if ("error" in target) throw new InventoryError(`${where}: ${target.error}`);
  return name;
}

// A host spec as a message quotes it: the passwords in its data shown as ***.
function describeValue(value: unknown): string {
  return describeAny(hideSecretKeys(value));
}
