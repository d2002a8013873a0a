// `--shard I/N`: disjoint, complete, and stable when other hosts come and go.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { UsageError } from "../../src/errors.js";
import { applyShard, parseShard, shardOfHost } from "../../src/inventory/shard.js";
import type { Inventory } from "../../src/inventory/types.js";

const names = (n: number, prefix = "web-") => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

function inventoryOf(hosts: string[]): Inventory {
  return {
    file: "/x/inventory.ts",
    hosts: hosts.map((name) => ({ name, connector: "ssh" as const, groups: ["all"], data: {} })),
    groups: { all: hosts, empty: [] },
    warnings: [],
  };
}

describe("shard assignment", () => {
  test.each([2, 3, 4, 7])("%d shards: disjoint and together every host", (count) => {
    const hosts = names(200);
    const shards = Array.from({ length: count }, (_, i) =>
      applyShard(inventoryOf(hosts), { index: i + 1, count }).hosts.map((h) => h.name),
    );
    const all = shards.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...hosts].sort());
    // Spread over every shard, none far from its share.
    for (const shard of shards) expect(shard.length).toBeGreaterThan(200 / count / 2);
  });

  test("adding and removing hosts never moves the other hosts", () => {
    const before = names(100);
    const after = [...before.slice(10), ...names(50, "db-")];
    // Host name → the shard that holds it.
    const placement = (hosts: string[], count: number) =>
      new Map(
        Array.from({ length: count }, (_, i) => i + 1).flatMap((index) =>
          applyShard(inventoryOf(hosts), { index, count }).hosts.map((h) => [h.name, index] as const),
        ),
      );
    for (const count of [2, 4, 5]) {
      const was = placement(before, count);
      const now = placement(after, count);
      for (const name of before.slice(10)) expect(now.get(name)).toBe(was.get(name));
    }
  });

  test("a host's shard is fixed by its name and N: first 4 bytes of sha256(name) mod N, 1-based", () => {
    const first4 = createHash("sha256").update("web-1").digest().readUInt32BE(0);
    expect([1, 2, 3, 4].map((count) => shardOfHost("web-1", count))).toEqual(
      [1, 2, 3, 4].map((count) => (first4 % count) + 1),
    );
    expect([1, 2, 3, 4].map((count) => shardOfHost("web-1", count))).toEqual([1, 1, 3, 3]);
  });

  test("groups the shard emptied are dropped; groups empty in the file stay", () => {
    const inventory = applyShard(inventoryOf(["a", "b", "c", "d"]), { index: 1, count: 2 });
    expect(inventory.groups.empty).toEqual([]);
    expect(inventory.groups.all).toEqual(inventory.hosts.map((h) => h.name));
  });

  test("a shard with no hosts is not an error", () => {
    const one = ["web-1"];
    const empty = [1, 2, 3, 4].find((index) => shardOfHost("web-1", 4) !== index) ?? 1;
    expect(applyShard(inventoryOf(one), { index: empty, count: 4 }).hosts).toEqual([]);
  });
});

describe("--shard values", () => {
  test.each([
    ["1/4", { index: 1, count: 4 }],
    ["4/4", { index: 4, count: 4 }],
    [" 2 / 3 ", { index: 2, count: 3 }],
    ["1/1", { index: 1, count: 1 }],
  ])("%s", (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  test.each(["0/4", "5/4", "x", "1/0", "1", "1/4/2", "-1/4", "1.5/4", ""])(
    "%j is refused, naming the value",
    (text) => {
      expect(() => parseShard(text)).toThrow(UsageError);
      expect(() => parseShard(text)).toThrow(`--shard ${JSON.stringify(text)} is not a shard: give I/N`);
    },
  );

  test("the action's input is named as such", () => {
    expect(() => parseShard("5/4", "The shard input")).toThrow('The shard input "5/4" is not a shard');
  });
});
