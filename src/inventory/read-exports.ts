// Sorts an inventory module's exports into groups, group data, targets and global data (DESIGN §2).
import { InventoryError, isUserError } from "../errors.js";
import { isPlainObject, kindOf, showValue } from "../util/describe-value.js";
import { findJsonProblem } from "../util/json-data.js";
import { type HostSpec, isGroupWithData, looksLikeHostList, readHostSpecs } from "./host-specs.js";
import type { Data } from "./types.js";

export interface HostList {
  exportName: string;
  hosts: HostSpec[];
}

export interface InventoryExports {
  // Groups in the order the file defines them.
  groups: HostList[];
  // Group data in file order: `<group>_data` exports and pyinfra's `[hosts, data]` form.
  groupData: Array<{ group: string; exportName: string; data: Data }>;
  // `targets` (or pyinfra's `all`): the hosts to run on, when given.
  targets?: HostList;
  globals: Data;
  warnings: string[];
}

// Classifies exports given as [name, value] pairs in file order.
export function readInventoryExports(exports: Array<[string, unknown]>, file: string): InventoryExports {
  const result: InventoryExports = { groups: [], groupData: [], globals: {}, warnings: [] };
  for (const [name, value] of exports) {
    if (isIgnored(name, value, file, result.warnings)) continue;
    try {
      readExport(name, value, file, result);
    } catch (error) {
      throw explainThrowingGetter(error, name, value, file);
    }
  }
  return result;
}

// Sorts one export into the inventory's groups, group data, targets or globals.
function readExport(name: string, value: unknown, file: string, result: InventoryExports): void {
  const origin = { file, exportName: name };
  if (name === "targets" || name === "all") {
    if (result.targets) {
      throw new InventoryError(
        `${file}: exports both "${result.targets.exportName}" and "${name}"; they mean the same (the hosts to run on). Keep one.`,
      );
    }
    const [hosts, data] = isGroupWithData(value) ? value : [value, {}];
    result.targets = { exportName: name, hosts: readHostSpecs(hosts, origin) };
    Object.assign(result.globals, data);
  } else if (name.endsWith("_data") && name.length > 5 && isPlainObject(value)) {
    const group = name.slice(0, -5);
    if (group === "all") Object.assign(result.globals, value);
    else result.groupData.push({ group, exportName: name, data: { ...value } });
  } else if (isGroupWithData(value)) {
    result.groups.push({ exportName: name, hosts: readHostSpecs(value[0], origin) });
    result.groupData.push({ group: name, exportName: name, data: { ...value[1] } });
  } else if (looksLikeHostList(value)) {
    result.groups.push({ exportName: name, hosts: readHostSpecs(value, origin) });
  } else {
    result.globals[name] = value;
  }
}

// An error thrown while an export was read comes from a getter in it (data computed on access): the
// error names the key whose getter threw. Anything else is passed on as it is.
function explainThrowingGetter(error: unknown, name: string, value: unknown, file: string): unknown {
  if (isUserError(error)) return error;
  const problem = findJsonProblem(value, [name], true);
  if (problem?.kind !== "getter") return error;
  return new InventoryError(`${file}: ${problem.message}. ${problem.fix}`);
}

// Reads a group data file's exports (group_data/<group>.ts): every data export is data.
export function readDataExports(exports: Array<[string, unknown]>, file: string, warnings: string[]): Data {
  const data: Data = {};
  for (const [name, value] of exports) if (!isIgnored(name, value, file, warnings)) data[name] = value;
  return data;
}

// Functions, classes, `default` and `_names` are not inventory; neither is undefined (an unset
// environment variable). A Promise is a forgotten `await`; other objects cannot be data.
function isIgnored(name: string, value: unknown, file: string, warnings: string[]): boolean {
  if (name === "default" || name.startsWith("_") || typeof value === "function" || value === undefined) return true;
  if (value instanceof Promise) {
    throw new InventoryError(
      `${file}: export "${name}" is a Promise. Await it where it is defined: \`export const ${name} = await …\`.`,
    );
  }
  if (
    typeof value === "symbol" ||
    typeof value === "bigint" ||
    (typeof value === "object" && value !== null && !Array.isArray(value) && !isPlainObject(value))
  ) {
    warnings.push(
      `${file}: export "${name}" is ${kindOf(value)} (${showValue(value)}), which is not data; it is ignored. Export plain values: strings, numbers, booleans, arrays and objects.`,
    );
    return true;
  }
  return false;
}
