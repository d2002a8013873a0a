// The inventory rules of DESIGN §2, on in-memory exports: groups, targets, data layers, warnings, limits.
import { describe, expect, test } from "vitest";
import { buildInventory, type GroupDataFile } from "../../src/inventory/build-inventory.js";
import { applyLimit } from "../../src/inventory/limit.js";
import { parseOverrides } from "../../src/inventory/overrides.js";
import { readInventoryExports } from "../../src/inventory/read-exports.js";
import type { Inventory } from "../../src/inventory/types.js";

function resolveExports(
  exports: Record<string, unknown>,
  options: { overrides?: Record<string, unknown>; groupData?: Record<string, Record<string, unknown>> } = {},
): Inventory {
  const parts = readInventoryExports(Object.entries(exports), "inv.ts");
  const groupDataFiles = new Map<string, GroupDataFile>(
    Object.entries(options.groupData ?? {}).map(([group, data]) => [group, { file: `group_data/${group}.ts`, data }]),
  );
  return {
    file: "inv.ts",
    ...buildInventory(parts, { file: "inv.ts", stem: "inv", groupDataFiles, overrides: options.overrides ?? {} }),
  };
}

const dataOf = (inventory: Inventory) => Object.fromEntries(inventory.hosts.map((h) => [h.name, h.data]));

describe("groups and targets", () => {
  test("without targets, every host of every group in order of first appearance", () => {
    const inventory = resolveExports({ web: ["w1", "w2"], db: ["d1", "w1"] });
    expect(inventory.hosts.map((h) => h.name)).toEqual(["w1", "w2", "d1"]);
    expect(inventory.groups).toEqual({ db: ["d1", "w1"], inv: ["w1", "w2", "d1"], web: ["w1", "w2"] });
  });

  test("targets chooses and orders the hosts; group members outside targets are not in the inventory", () => {
    const inventory = resolveExports({ web: ["w1", "w2"], db: ["d1"], targets: ["d1", "w2"] });
    expect(inventory.hosts.map((h) => [h.name, h.groups])).toEqual([
      ["d1", ["db", "inv"]],
      ["w2", ["inv", "web"]],
    ]);
    expect(inventory.groups.web).toEqual(["w2"]);
    expect(inventory.groups).not.toHaveProperty("targets");
  });

  test("pyinfra's `all = [hosts, data]`: the hosts to run on, and global data", () => {
    const inventory = resolveExports({ all: [["a", "b"], { region: "eu" }] });
    expect(dataOf(inventory)).toEqual({ a: { region: "eu" }, b: { region: "eu" } });
  });

  test("targets and all together are an error", () => {
    expect(() => resolveExports({ targets: ["a"], all: ["b"] })).toThrow(
      'inv.ts: exports both "targets" and "all"; they mean the same (the hosts to run on). Keep one.',
    );
  });

  test("pyinfra's group form `[hosts, data]` gives the group its data", () => {
    const inventory = resolveExports({ web: [["w1"], { port: 80 }] });
    expect(dataOf(inventory)).toEqual({ w1: { port: 80 } });
  });

  test("an empty array is an empty group; arrays of non-hosts are global data", () => {
    const inventory = resolveExports({
      web: ["w1"],
      db: [],
      ports: [80, 443],
      users: [{ name: "deploy" }],
    });
    expect(inventory.groups.db).toEqual([]);
    expect(dataOf(inventory).w1).toEqual({ ports: [80, 443], users: [{ name: "deploy" }] });
  });

  test("functions, default, _names and unset values are not inventory", () => {
    const inventory = resolveExports({
      targets: ["a"],
      default: ["x"],
      _hidden: ["y"],
      helper: () => 1,
      unset: undefined,
    });
    expect(inventory.hosts.map((h) => h.name)).toEqual(["a"]);
    expect(dataOf(inventory).a).toEqual({});
  });

  test("a class instance is ignored with a warning", () => {
    const inventory = resolveExports({ targets: ["a"], when: new Date(0) });
    expect(inventory.warnings).toEqual([
      'inv.ts: export "when" is an instance of Date ("1970-01-01T00:00:00.000Z"), which is not data; it is ignored. Export plain values: strings, numbers, booleans, arrays and objects.',
    ]);
  });

  test("the file-stem group gives way to a group of the same name", () => {
    const inventory = resolveExports({ inv: ["a"], other: ["b"] });
    expect(inventory.groups.inv).toEqual(["a"]);
  });

  test("connector groups and the data a connector prefix implies", () => {
    const inventory = resolveExports({ targets: ["@local", "@docker/debian:bookworm", "@ssh/10.0.0.5", "web"] });
    expect(inventory.hosts.map((h) => [h.name, h.connector, h.groups, h.data])).toEqual([
      ["@local", "local", ["@local", "inv"], {}],
      ["@docker/debian:bookworm", "docker", ["@docker", "inv"], {}],
      ["@ssh/10.0.0.5", "ssh", ["@ssh", "inv"], { ssh_hostname: "10.0.0.5" }],
      ["web", "ssh", ["inv"], {}],
    ]);
  });

  test.each([
    ["@local/x", '"@local/x" is not a valid host: write @local alone.'],
    ["@docker", '"@docker" is missing its target: write @docker/IMAGE or @docker/CONTAINER'],
    ["@dokcer/debian", 'names an unknown connector "@dokcer" (did you mean "@docker"?)'],
    ["web 01", '"web 01" is not a host name: names are non-empty and have no spaces.'],
  ])("host name %s is an error", (name, message) => {
    expect(() => resolveExports({ targets: [name] })).toThrow(message);
  });
});

describe("data layers", () => {
  test("overrides > host > group > global", () => {
    const inventory = resolveExports(
      { a: 1, b: 1, c: 1, d: 1, web: [["w1", { a: 2, b: 2 }]], web_data: { a: 3, b: 3, c: 3 } },
      { overrides: { a: 4 } },
    );
    expect(dataOf(inventory).w1).toEqual({ a: 4, b: 2, c: 3, d: 1 });
  });

  test("a host in several groups: the group defined later in the file wins", () => {
    const early = resolveExports({ web: ["h"], db: ["h"], web_data: { port: 1 }, db_data: { port: 2 } });
    expect(dataOf(early).h).toEqual({ port: 2 });
    const late = resolveExports({ db: ["h"], web: ["h"], web_data: { port: 1 }, db_data: { port: 2 } });
    expect(dataOf(late).h).toEqual({ port: 1 });
  });

  test("group_data files win over <group>_data exports; group_data/all over global exports", () => {
    const inventory = resolveExports(
      { web: ["w1"], web_data: { port: 1, name: "x" }, region: "us" },
      { groupData: { web: { port: 2 }, all: { region: "eu" } } },
    );
    expect(dataOf(inventory).w1).toEqual({ region: "eu", port: 2, name: "x" });
  });

  test("a host listed twice merges its data, later wins, and conflicting values warn", () => {
    const inventory = resolveExports({
      web: [["w1", { user: "a", port: 22 }]],
      targets: [["w1", { user: "b", port: 22 }]],
    });
    expect(dataOf(inventory).w1).toEqual({ user: "b", port: 22 });
    expect(inventory.warnings).toEqual([
      'inv.ts: host "w1" is listed twice with different "user": "a" (export "web") and "b" (export "targets"); using "b".',
    ]);
  });

  test("a host listed twice with the same data does not warn", () => {
    const web = [["w1", { user: "a" }]];
    expect(resolveExports({ web, targets: [...web] }).warnings).toEqual([]);
  });

  test("<x>_data with no group <x> warns with the closest group and merges nowhere", () => {
    const inventory = resolveExports({ load_balancers: ["lb"], load_balancer_data: { v: 1 } });
    expect(inventory.warnings).toEqual([
      'inv.ts: export "load_balancer_data" is data for a group "load_balancer", which does not exist; it is not applied to any host. Did you mean load_balancers_data?',
    ]);
    expect(dataOf(inventory).lb).toEqual({});
  });

  test("<x>_data with nothing close lists the groups", () => {
    const inventory = resolveExports({ web: ["w"], zzzzzz_data: { v: 1 } });
    expect(inventory.warnings[0]).toMatch(/does not exist; it is not applied to any host\. Groups: inv, web\.$/);
  });

  test("data for the file-stem group applies to every host", () => {
    expect(dataOf(resolveExports({ targets: ["a"], inv_data: { v: 1 } })).a).toEqual({ v: 1 });
  });
});

describe("--limit", () => {
  const inventory = resolveExports({
    web_servers: ["web-01", "web-02", "web-10"],
    db_servers: ["db-01"],
    containers: ["@docker/debian:bookworm", "@docker/app"],
  });
  const limited = (...limits: string[]) => applyLimit(inventory, limits).hosts.map((h) => h.name);

  test.each([
    [["db_servers"], ["db-01"]],
    [["web-0*"], ["web-01", "web-02"]],
    [["web-?0"], ["web-10"]],
    [["web-0[12]"], ["web-01", "web-02"]],
    [["@docker/*"], ["@docker/debian:bookworm", "@docker/app"]],
    [["@docker"], ["@docker/debian:bookworm", "@docker/app"]],
    [["db_servers,web-10"], ["web-10", "db-01"]],
    [
      ["db_servers", "web-10"],
      ["web-10", "db-01"],
    ],
    [["web-01"], ["web-01"]],
  ])("%j selects %j", (limits, hosts) => {
    expect(limited(...limits)).toEqual(hosts);
  });

  test("groups keep only the selected hosts; groups the limit emptied are dropped", () => {
    expect(applyLimit(inventory, ["web-01"]).groups).toEqual({ inv: ["web-01"], web_servers: ["web-01"] });
  });

  test("a limit item that matches nothing warns while others match", () => {
    expect(applyLimit(inventory, ["db-01,nope"]).warnings).toEqual(["--limit nope matches no group or host."]);
  });
});

describe("--data values", () => {
  test.each([
    ["port=8080", { port: 8080 }],
    ["debug=true", { debug: true }],
    ["debug=false", { debug: false }],
    ["v=null", { v: null }],
    ['tags=["a","b"]', { tags: ["a", "b"] }],
    ['cfg={"a":1}', { cfg: { a: 1 } }],
    ["version=01", { version: "01" }],
    ["name=web server", { name: "web server" }],
    ["url=http://x/?a=b", { url: "http://x/?a=b" }],
    ["empty=", { empty: "" }],
  ])("%s", (item, data) => {
    expect(parseOverrides([item])).toEqual(data);
  });

  test.each(["novalue", "=x", "1st=x", "a b=c"])("%j is refused", (item) => {
    // After an =, the value may be a password: it is not shown.
    const shown = item.includes("=")
      ? `${JSON.stringify(item.replace(/=.*/, "=…"))} is not KEY=VALUE (the value is not shown).`
      : `${JSON.stringify(item)} is not KEY=VALUE.`;
    expect(() => parseOverrides([item])).toThrow(`--data ${shown}`);
  });
});
