// The module loader: TypeScript compiled at run time with no build step, top-level await,
// extensionless local imports, packages from the user's node_modules, .js/.mjs/.json.
import { describe, expect, test } from "vitest";
import { inventoryJson, runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";

const project = tempProject({
  "inventory/production.ts": `
    import type { Role } from "./types";
    import { webHosts } from "./hosts";
    import { region } from "./lib";
    import { shout } from "./util.js";
    import pad from "pad-name";
    import cjs from "cjs-lib";

    enum Tier { Front = "front", Back = "back" }
    const role: Role = "web";
    const delay = await new Promise<number>((resolve) => setTimeout(() => resolve(5), 5));

    export const web_servers: string[] = webHosts.map((name) => pad(name));
    export const web_servers_data = { tier: Tier.Front, role, region, delay, loud: shout("hi"), cjs: cjs.value };
  `,
  "inventory/types.ts": `export type Role = "web" | "db";\n`,
  "inventory/hosts.ts": `export const webHosts = ["web-1", "web-2"];\n`,
  "inventory/lib/index.ts": `export const region = "eu-west";\n`,
  "inventory/util.ts": `export const shout = (s: string): string => s.toUpperCase();\n`,
  "node_modules/pad-name/package.json": `{"name":"pad-name","type":"module","exports":"./index.js"}`,
  "node_modules/pad-name/index.js": `export default (name) => name.replace(/-(\\d)$/, "-0$1") + ".example.com";\n`,
  "node_modules/cjs-lib/package.json": `{"name":"cjs-lib","main":"main.js"}`,
  "node_modules/cjs-lib/main.js": `module.exports = { value: 42 };\n`,
  "plain.mjs": `export const web = ["a.example.com"];\nexport const web_data = { n: 1 };\n`,
  "plain.js": `export const targets = [["b.example.com", { n: 2 }]];\n`,
  "plain.json": `{"db": ["c.example.com"], "db_data": {"n": 3}}`,
});

describe("loading TypeScript and JavaScript inventories", () => {
  const expected = {
    hosts: ["web-01.example.com", "web-02.example.com"].map((name) => ({
      name,
      connector: "ssh",
      groups: ["production", "web_servers"],
      data: { tier: "front", role: "web", region: "eu-west", delay: 5, loud: "HI", cjs: 42 },
    })),
    groups: {
      production: ["web-01.example.com", "web-02.example.com"],
      web_servers: ["web-01.example.com", "web-02.example.com"],
    },
    warnings: [],
  };

  test("TypeScript with types, enums, top-level await, extensionless and .js-for-.ts imports and packages", async () => {
    expect(await inventoryJson("inventory/production.ts", [], { cwd: project })).toEqual(expected);
  });

  test("the same through off-thread module hooks (the path Node without registerHooks takes)", async () => {
    const options = { cwd: project, env: { INFRA_ACTION_LOADER: "off-thread" } };
    expect(await inventoryJson("inventory/production.ts", [], options)).toEqual(expected);
  });

  test("the same with an absolute path from another working directory", async () => {
    expect(await inventoryJson(`${project}/inventory/production.ts`)).toEqual(expected);
  });

  test.each([
    ["plain.mjs", "a.example.com", ["plain", "web"], { n: 1 }],
    ["plain.js", "b.example.com", ["plain"], { n: 2 }],
    ["plain.json", "c.example.com", ["db", "plain"], { n: 3 }],
  ])("%s", async (file, name, groups, data) => {
    const inventory = await inventoryJson(file, [], { cwd: project });
    expect(inventory.hosts).toEqual([{ name, connector: "ssh", groups, data }]);
  });

  test("a syntax error in an imported module names that module with line:column", async () => {
    const dir = tempProject({
      "inventory.ts": `import { x } from "./broken";\nexport const targets = [x];\n`,
      "broken.ts": `export const x = "web-01";\nexport const y = {\n  a: 1\n  b: 2,\n};\n`,
    });
    const result = await runCli(["inventory", "inventory.ts"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: (.*\/)?broken\.ts:4:3: syntax error: Unexpected token/);
  });

  test("using `host` in an inventory is a clear error", async () => {
    const dir = tempProject({
      "inventory.ts": `import { host } from "infra-action";\nexport const targets = [host.name];\n`,
    });
    const result = await runCli(["inventory", "inventory.ts"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      "error: `host.name` is only available in a deploy file while infra-action runs it for a host; inventory and group data files describe hosts and have no current host.\n",
    );
  });

  test("an exported Promise asks for await", async () => {
    const dir = tempProject({ "inventory.ts": `export const targets = Promise.resolve(["a"]);\n` });
    const result = await runCli(["inventory", "inventory.ts"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'error: inventory.ts: export "targets" is a Promise. Await it where it is defined: `export const targets = await …`.\n',
    );
  });
});
