// `--limit`: group names first, else glob patterns on host names; hosts outside are never touched.
import { UsageError } from "../errors.js";
import { closestName } from "../util/closest.js";
import { displayPath } from "../util/display-path.js";
import { findGlobProblem, globToRegExp, isGlob } from "../util/glob.js";
import type { Inventory } from "./types.js";

// Keeps the hosts that any limit item selects. Items may be repeated or comma-separated.
export function applyLimit(inventory: Inventory, limits: readonly string[]): Inventory {
  const items = limits
    .flatMap((limit) => limit.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return inventory;
  const names = inventory.hosts.map((host) => host.name);
  const chosen = new Set<string>();
  const warnings = [...inventory.warnings];
  for (const item of items) {
    const problem = isGlob(item) ? findGlobProblem(item) : undefined;
    if (problem)
      throw new UsageError(
        `--limit ${item} is not a valid glob: ${problem}. Close the set, e.g. "web-[12]", or write "[[]" for a literal "[".`,
      );
    const matched =
      inventory.groups[item] ?? names.filter((name) => (isGlob(item) ? globToRegExp(item).test(name) : name === item));
    if (matched.length === 0) warnings.push(`--limit ${item} matches no group or host.`);
    for (const name of matched) chosen.add(name);
  }
  if (chosen.size === 0) {
    const near = closestName(items[0] ?? "", [...Object.keys(inventory.groups), ...names]);
    throw new UsageError(
      `--limit ${items.join(",")} matches no host in ${displayPath(inventory.file)}.${near ? ` Did you mean ${near}?` : ""} Give a group (${Object.keys(inventory.groups).join(", ")}) or a host name or glob such as "web-*".`,
    );
  }
  // Groups the limit emptied are dropped; groups the file left empty stay, as in the unlimited view.
  const groups = Object.fromEntries(
    Object.entries(inventory.groups)
      .map(([group, hosts]) => [group, hosts, hosts.filter((host) => chosen.has(host))] as const)
      .filter(([, hosts, kept]) => kept.length > 0 || hosts.length === 0)
      .map(([group, , kept]) => [group, kept]),
  );
  return { ...inventory, hosts: inventory.hosts.filter((host) => chosen.has(host.name)), groups, warnings };
}
