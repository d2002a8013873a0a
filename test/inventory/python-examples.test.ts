// Every Python inventory example of the pyinfra guide, unchanged (examples/inventory/python/), resolves
// to exactly what its TypeScript port resolves to: hosts, groups, data per host and warnings.
import { copyFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { publicApiProvider } from "../../src/engine/public-api.js";
import { type InventoryJson, toInventoryJson } from "../../src/inventory/inventory-json.js";
import { loadInventory } from "../../src/inventory/load-inventory.js";
import { inventoryJson } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";

const python = "examples/inventory/python";

// The Python inventory as `infra-action inventory FILE --json` shows it.
async function pythonInventory(file: string): Promise<InventoryJson> {
  return toInventoryJson(await loadInventory(file, { api: publicApiProvider }));
}

// Runs with process.env changed for the duration (python3 inherits it).
async function withEnv<T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(env);
  try {
    return await run();
  } finally {
    assign(saved);
  }
}

// The TypeScript port's inventory, its file name in warnings replaced by the Python file's.
async function portInventory(ts: string, py: string, env: Record<string, string | undefined> = {}) {
  const inventory = await inventoryJson(ts, [], { env });
  return { ...inventory, warnings: inventory.warnings.map((warning) => warning.split(ts).join(py)) };
}

describe("the guide's Python inventories resolve as their TypeScript ports", () => {
  test.each([
    ["simple-hosts.py", "simple-hosts.ts"],
    ["connection-parameters.py", "connection-parameters.ts"],
    ["connectors.py", "connectors.ts"],
    ["groups.py", "groups.ts"],
    ["global-data.py", "global-data.ts"],
    ["group-data.py", "group-data.ts"],
    ["host-data.py", "host-data.ts"],
    ["production.py", "production.ts"],
    ["staging.py", "staging.ts"],
    ["development.py", "development.ts"],
    ["real-world.py", "real-world.ts"],
    ["precedence.py", "precedence.ts"],
    ["dynamic.py", "dynamic.ts"],
    ["defaults.py", "defaults.ts"],
    ["group-data-files/inventory.py", "group-data-files/inventory.ts"],
  ])("%s ↔ %s", async (py, ts) => {
    const pyFile = `${python}/${py}`;
    const expected = await portInventory(`examples/inventory/${ts}`, pyFile);
    expect(expected.hosts.length).toBeGreaterThan(0);
    expect(await pythonInventory(pyFile)).toEqual(expected);
  });

  test("real-world.py: the guide's load_balancer_data slip gets the same warning, and nothing is merged", async () => {
    const inventory = await pythonInventory(`${python}/real-world.py`);
    expect(inventory.warnings).toEqual([
      `${python}/real-world.py: export "load_balancer_data" is data for a group "load_balancer", which does not exist; it is not applied to any host. Did you mean load_balancers_data?`,
    ]);
  });

  test("precedence.py (the guide's, without the port's extra db host): host 8001 > group 8080, as in the port", async () => {
    const inventory = await pythonInventory(`${python}/precedence.py`);
    const port = await portInventory("examples/inventory/precedence.ts", `${python}/precedence.py`);
    expect(inventory.hosts).toEqual(port.hosts.filter((host) => host.name.startsWith("web-")));
    expect(inventory.hosts.map((host) => [host.name, host.data.app_port])).toEqual([
      ["web-01.example.com", 8001],
      ["web-02.example.com", 8080],
    ]);
    expect(inventory.warnings).toEqual([]);
  });

  test("dynamic.py: the list comprehension is replaced by load_from_api(), as Python runs it; json and the function are not data", async () => {
    const inventory = await pythonInventory(`${python}/dynamic.py`);
    expect(inventory).toEqual({
      hosts: ["server1.example.com", "server2.example.com"].map((name) => ({
        name,
        connector: "ssh",
        groups: ["dynamic"],
        data: {},
      })),
      groups: { dynamic: ["server1.example.com", "server2.example.com"] },
      warnings: [],
    });
  });

  test("defaults.py: host data 9000 beats the global default 8000", async () => {
    const inventory = await pythonInventory(`${python}/defaults.py`);
    expect(inventory.hosts).toEqual([
      { name: "special-server.com", connector: "ssh", groups: ["defaults"], data: { app_port: 9000 } },
    ]);
  });

  test("secrets.py (a fragment with no hosts) as group_data/all.py: os.environ values reach every host, as secrets.ts", async () => {
    const dir = tempProject({ "inventory.py": 'targets = ["web-01.example.com", "web-02.example.com"]\n' });
    mkdirSync(join(dir, "group_data"));
    copyFileSync(`${python}/secrets.py`, join(dir, "group_data/all.py"));
    const env = { DB_PASSWORD: "s3cret-db", API_KEY: "k-123" };
    const inventory = await withEnv(env, () => pythonInventory(join(dir, "inventory.py")));
    const port = await inventoryJson("examples/inventory/secrets.ts", [], { env });
    expect(inventory.hosts.map((host) => host.data)).toEqual(port.hosts.map((host) => host.data));
    expect(inventory.hosts[0]?.data).toEqual({ database_password: "s3cret-db", api_key: "k-123" });
  });
});

describe("dynamic-api.py (the Python form of dynamic-api.ts): hosts from an HTTP API or the JSON file", () => {
  const server = createServer((request, response) => {
    if (request.url === "/hosts") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ web_servers: ["api-web-01"], db_servers: [["api-db-01", { is_primary: true }]] }));
    } else {
      response.writeHead(503, "Service Unavailable").end();
    }
  });
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const file = `${python}/dynamic-api.py`;

  test.each([
    ["the JSON file beside the examples", undefined],
    ["a loopback API", "/hosts"],
  ])("from %s, as the TypeScript port", async (_source, path) => {
    const env = { INVENTORY_API_URL: path && `${url}${path}`, NO_PROXY: "127.0.0.1" };
    const expected = await portInventory("examples/inventory/dynamic-api.ts", file, env);
    expect(await withEnv(env, () => pythonInventory(file))).toEqual(expected);
    expect(expected.hosts.length).toBe(path ? 2 : 3);
  });

  test("an API failure names the exception and the inventory's line", async () => {
    const message = await withEnv({ INVENTORY_API_URL: `${url}/down`, NO_PROXY: "127.0.0.1" }, () =>
      pythonInventory(file).then(
        () => "it loaded",
        (error: Error) => error.message,
      ),
    );
    expect(message).toBe(
      `inventory ${file} failed while running: HTTPError: HTTP Error 503: Service Unavailable (at ${file}:12).`,
    );
  });
});
