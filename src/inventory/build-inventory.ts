// Builds the resolved inventory from classified exports: host order, groups, and layered data.
import { isDeepStrictEqual } from "node:util";
import { InventoryError } from "../errors.js";
import { closestName } from "../util/closest.js";
import { showValue } from "../util/describe-value.js";
import { hideSecretKeys, isSecretKey } from "../util/secret-keys.js";
import { targetOf } from "./host-name.js";
import type { HostList, InventoryExports } from "./read-exports.js";
import type { Data, Inventory, InventoryHost } from "./types.js";

export interface GroupDataFile {
  // Shown in messages: "inventory/group_data/web_servers.ts".
  file: string;
  data: Data;
}

export interface BuildOptions {
  // The inventory file as shown to the user.
  file: string;
  // The file's stem ("production" for inventory/production.ts): every host's implicit group
  // (none for hosts given on the command line).
  stem?: string;
  // group_data/<group>.* files by group; "all" is global data.
  groupDataFiles: Map<string, GroupDataFile>;
  // --data / the action's `data` input: above everything else.
  overrides: Data;
}

// Resolves hosts, groups and data; warnings land in the returned inventory.
export function buildInventory(parts: InventoryExports, options: BuildOptions): Omit<Inventory, "file"> {
  const warnings = [...parts.warnings];
  const hostLists = parts.targets ? [...parts.groups, parts.targets] : parts.groups;
  const hostData = mergeHostData(hostLists, options.file, warnings);
  const hostNames = unique(
    (parts.targets ? [parts.targets] : parts.groups).flatMap((list) => list.hosts.map((h) => h.name)),
  );
  if (hostNames.length === 0) {
    throw new InventoryError(
      `${options.file} defines no hosts. Export a group (\`export const web_servers = ["web-01.example.com"]\`) or \`targets\`; an inventory with no hosts has nothing to run on.`,
    );
  }
  const selected = new Set(hostNames);

  // Groups in precedence order, lowest first: the file-stem group, connector groups, then the
  // file's own groups in the order it defines them (a later group's data wins).
  const members = new Map<string, string[]>();
  const explicit = parts.groups.map((g) => g.exportName);
  if (options.stem !== undefined && !explicit.includes(options.stem)) members.set(options.stem, [...hostNames]);
  for (const name of hostNames) {
    const group = (targetOf(name) as { group?: string }).group;
    if (group && !explicit.includes(group)) {
      if (!members.has(group)) members.set(group, []);
      members.get(group)?.push(name);
    }
  }
  for (const group of parts.groups) {
    const listed = unique(group.hosts.map((h) => h.name)).filter((name) => selected.has(name));
    members.set(group.exportName, unique([...(members.get(group.exportName) ?? []), ...listed]));
  }

  const groupData = collectGroupData(parts, members, options, warnings);
  const globals = { ...parts.globals, ...options.groupDataFiles.get("all")?.data };

  // Each host's groups, in precedence order.
  const groupsOf = new Map<string, string[]>(hostNames.map((name) => [name, []]));
  for (const [group, names] of members) for (const name of names) groupsOf.get(name)?.push(group);

  const hosts: InventoryHost[] = hostNames.map((name) => {
    const target = targetOf(name) as Exclude<ReturnType<typeof targetOf>, { error: string }>;
    const groups = groupsOf.get(name) ?? [];
    const layers = [
      globals,
      ...groups.map((g) => groupData.get(g) ?? {}),
      target.data,
      hostData.get(name) ?? {},
      options.overrides,
    ];
    return { name, connector: target.connector, groups: [...groups].sort(), data: Object.assign({}, ...layers) };
  });
  const groups = Object.fromEntries([...members.keys()].sort().map((g) => [g, members.get(g) ?? []]));
  return { hosts, groups, warnings };
}

// Host data from every list a host appears in, in file order; conflicting values warn, later wins.
function mergeHostData(lists: HostList[], file: string, warnings: string[]): Map<string, Data> {
  const merged = new Map<string, Data>();
  const source = new Map<string, string>();
  for (const list of lists) {
    for (const { name, data } of list.hosts) {
      const current = merged.get(name) ?? {};
      for (const [key, value] of Object.entries(data)) {
        if (key in current && !isDeepStrictEqual(current[key], value)) {
          const earlier = source.get(`${name}\0${key}`);
          // A password's values are never shown, and neither are passwords nested in other values.
          const show = (v: unknown) => showValue(hideSecretKeys(v));
          warnings.push(
            isSecretKey(key)
              ? `${file}: host "${name}" is listed twice with different "${key}" (exports "${earlier}" and "${list.exportName}"; the values are not shown); using the one from export "${list.exportName}".`
              : `${file}: host "${name}" is listed twice with different "${key}": ${show(current[key])} (export "${earlier}") and ${show(value)} (export "${list.exportName}"); using ${show(value)}.`,
          );
        }
        current[key] = value;
        source.set(`${name}\0${key}`, list.exportName);
      }
      merged.set(name, current);
    }
  }
  return merged;
}

// Group data from `<group>_data` exports and `[hosts, data]` groups, then group_data/ files (which
// win, as in pyinfra). Data for a group that does not exist warns with the closest name, unmerged.
function collectGroupData(
  parts: InventoryExports,
  members: Map<string, string[]>,
  options: BuildOptions,
  warnings: string[],
) {
  const data = new Map<string, Data>();
  for (const entry of parts.groupData) {
    if (!members.has(entry.group)) {
      const near = closestName(entry.group, members.keys());
      warnings.push(
        `${options.file}: export "${entry.exportName}" is data for a group "${entry.group}", which does not exist; it is not applied to any host.${near ? ` Did you mean ${near}_data?` : ` Groups: ${[...members.keys()].join(", ")}.`}`,
      );
      continue;
    }
    data.set(entry.group, { ...data.get(entry.group), ...entry.data });
  }
  for (const [group, file] of options.groupDataFiles) {
    if (group === "all") continue;
    if (!members.has(group)) {
      const near = closestName(group, members.keys());
      warnings.push(
        `${file.file} is data for a group "${group}", which does not exist; it is not applied to any host.${near ? ` Did you mean group_data/${near}?` : ` Groups: ${[...members.keys()].join(", ")}.`}`,
      );
      continue;
    }
    data.set(group, { ...data.get(group), ...file.data });
  }
  return data;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
