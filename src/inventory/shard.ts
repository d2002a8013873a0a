// `--shard I/N`: one of N disjoint parts of the selected hosts, for an Actions matrix. A host's
// shard depends only on its name and N, so adding or removing hosts never moves the others.
import { createHash } from "node:crypto";
import { UsageError } from "../errors.js";
import type { Inventory } from "./types.js";

export interface Shard {
  // 1-based.
  index: number;
  count: number;
}

// Reads "I/N" (1 ≤ I ≤ N); `source` names where it came from in the error ("--shard", "The shard input").
export function parseShard(text: string, source = "--shard"): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new UsageError(
      `${source} ${JSON.stringify(text)} is not a shard: give I/N, a shard number I from 1 to N and the number of shards N, e.g. "1/4" (in a matrix: "\${{ matrix.shard }}/4").`,
    );
  return { index, count };
}

// The shard (1..count) a host name falls in: the first 4 bytes of sha256(name), modulo count.
export function shardOfHost(name: string, count: number): number {
  return (createHash("sha256").update(name).digest().readUInt32BE(0) % count) + 1;
}

// Keeps the hosts of one shard (after --limit); groups the shard emptied are dropped, as --limit does.
export function applyShard(inventory: Inventory, shard: Shard | undefined): Inventory {
  if (!shard || shard.count === 1) return inventory;
  const kept = new Set(
    inventory.hosts.filter((host) => shardOfHost(host.name, shard.count) === shard.index).map((host) => host.name),
  );
  const groups = Object.fromEntries(
    Object.entries(inventory.groups)
      .map(([group, hosts]) => [group, hosts, hosts.filter((host) => kept.has(host))] as const)
      .filter(([, hosts, inShard]) => inShard.length > 0 || hosts.length === 0)
      .map(([group, , inShard]) => [group, inShard]),
  );
  return { ...inventory, hosts: inventory.hosts.filter((host) => kept.has(host.name)), groups };
}

// "shard 2/4 holds 3 of the 10 selected hosts." (or "… holds none of …: nothing to do on this shard.").
export function describeShard(shard: Shard, held: number, selected: number): string {
  const hosts = `${selected} selected host${selected === 1 ? "" : "s"}`;
  const part = held === 0 ? `none of the ${hosts}: nothing to do on this shard.` : `${held} of the ${hosts}.`;
  return `shard ${shard.index}/${shard.count} holds ${part}`;
}
