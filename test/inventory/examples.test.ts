// Every inventory example of the guide, ported to TypeScript, resolves to the hosts, groups and
// data the guide describes (`infra-action inventory <example> --json`).
import { describe, expect, test } from "vitest";
import { inventoryJson } from "../helpers/run-cli.js";

type Host = [name: string, connector: string, groups: string[], data: Record<string, unknown>];
const host = (...[name, connector, groups, data]: Host) => ({ name, connector, groups, data });
const ssh = (name: string, groups: string[], data: Record<string, unknown> = {}) => host(name, "ssh", groups, data);

describe("guide examples", () => {
  test("simple host list: three SSH hosts, all in the file's group", async () => {
    expect(await inventoryJson("examples/inventory/simple-hosts.ts")).toEqual({
      hosts: [
        ssh("web-01.example.com", ["simple-hosts"]),
        ssh("web-02.example.com", ["simple-hosts"]),
        ssh("db-01.example.com", ["simple-hosts"]),
      ],
      groups: { "simple-hosts": ["web-01.example.com", "web-02.example.com", "db-01.example.com"] },
      warnings: [],
    });
  });

  test("connection parameters: per-host SSH settings, @local and @docker hosts in their connector groups", async () => {
    expect(await inventoryJson("examples/inventory/connection-parameters.ts")).toEqual({
      hosts: [
        ssh("web-01.example.com", ["connection-parameters"]),
        ssh("web-02.example.com", ["connection-parameters"], {
          ssh_user: "deploy",
          ssh_port: 2222,
          ssh_key: "~/.ssh/deploy_key",
        }),
        host("@local", "local", ["@local", "connection-parameters"], {}),
        host("@docker/ubuntu:22.04", "docker", ["@docker", "connection-parameters"], {}),
      ],
      groups: {
        "@docker": ["@docker/ubuntu:22.04"],
        "@local": ["@local"],
        "connection-parameters": ["web-01.example.com", "web-02.example.com", "@local", "@docker/ubuntu:22.04"],
      },
      warnings: [],
    });
  });

  test("connectors: plain names and addresses use SSH, with their connection data", async () => {
    const inventory = await inventoryJson("examples/inventory/connectors.ts");
    expect(inventory.hosts).toEqual([
      ssh("server.example.com", ["connectors"]),
      ssh("192.168.1.10", ["connectors"], { ssh_user: "ubuntu", ssh_port: 22, ssh_key: "~/.ssh/id_rsa" }),
    ]);
  });

  test("groups: each exported host array is a group; targets is not a group", async () => {
    const inventory = await inventoryJson("examples/inventory/groups.ts");
    expect(inventory.groups).toEqual({
      db_servers: ["db-01.example.com", "db-02.example.com"],
      groups: [
        "web-01.example.com",
        "web-02.example.com",
        "web-03.example.com",
        "db-01.example.com",
        "db-02.example.com",
        "lb-01.example.com",
      ],
      load_balancers: ["lb-01.example.com"],
      web_servers: ["web-01.example.com", "web-02.example.com", "web-03.example.com"],
    });
    expect(inventory.hosts.map((h) => [h.name, h.groups])).toEqual([
      ["web-01.example.com", ["groups", "web_servers"]],
      ["web-02.example.com", ["groups", "web_servers"]],
      ["web-03.example.com", ["groups", "web_servers"]],
      ["db-01.example.com", ["db_servers", "groups"]],
      ["db-02.example.com", ["db_servers", "groups"]],
      ["lb-01.example.com", ["groups", "load_balancers"]],
    ]);
    expect(inventory.hosts[3]?.data).toEqual({ ssh_user: "postgres" });
    expect(inventory.hosts[4]?.data).toEqual({});
  });

  test("global data reaches every host", async () => {
    const inventory = await inventoryJson("examples/inventory/global-data.ts");
    const data = { app_name: "myapp", app_version: "1.2.3", app_port: 8000 };
    expect(inventory.hosts).toEqual([
      ssh("web-01.example.com", ["global-data"], data),
      ssh("web-02.example.com", ["global-data"], data),
    ]);
  });

  test("group data reaches the group's hosts only", async () => {
    const inventory = await inventoryJson("examples/inventory/group-data.ts");
    const web = { nginx_workers: 4, nginx_port: 80, app_port: 8000 };
    expect(inventory.hosts).toEqual([
      ssh("web-01.example.com", ["group-data", "web_servers"], web),
      ssh("web-02.example.com", ["group-data", "web_servers"], web),
      ssh("db-01.example.com", ["db_servers", "group-data"], { postgres_version: "14", postgres_max_connections: 200 }),
    ]);
    expect(inventory.warnings).toEqual([]);
  });

  test("host data belongs to its host alone", async () => {
    const inventory = await inventoryJson("examples/inventory/host-data.ts");
    expect(inventory.hosts).toEqual([
      ssh("web-01.example.com", ["host-data"], { ssh_user: "deploy", server_id: 1, memory_limit: "4GB" }),
      ssh("web-02.example.com", ["host-data"], { ssh_user: "deploy", server_id: 2, memory_limit: "8GB" }),
    ]);
  });

  test("precedence: host data 8001 > group data 8080 > global data 8000", async () => {
    const inventory = await inventoryJson("examples/inventory/precedence.ts");
    expect(inventory.hosts.map((h) => [h.name, h.data.app_port])).toEqual([
      ["web-01.example.com", 8001],
      ["web-02.example.com", 8080],
    ]);
  });

  test("precedence: --data overrides beat host data", async () => {
    const inventory = await inventoryJson("examples/inventory/precedence.ts", ["--data", "app_port=9000"]);
    expect(inventory.hosts.map((h) => h.data.app_port)).toEqual([9000, 9000]);
  });

  test.each([
    ["production", ["web-01.prod.example.com", "web-02.prod.example.com", "db-01.prod.example.com"], false],
    ["staging", ["web-01.staging.example.com", "db-01.staging.example.com"], false],
    ["development", ["@local", "@docker/postgres:14"], true],
  ])("multiple environments: %s has its hosts, its environment group and data", async (name, names, debug) => {
    const inventory = await inventoryJson(`examples/inventory/${name}.ts`);
    expect(inventory.hosts.map((h) => h.name)).toEqual(names);
    expect(inventory.groups[name]).toEqual(names);
    for (const h of inventory.hosts) {
      expect(h.groups).toContain(name);
      expect(h.data).toEqual({ environment: name, app_port: 8000, debug });
    }
  });

  test("dynamic inventory: hosts from the external source, as the later assignment wins", async () => {
    const inventory = await inventoryJson("examples/inventory/dynamic.ts");
    expect(inventory.hosts.map((h) => h.name)).toEqual(["server1.example.com", "server2.example.com"]);
  });

  test("dynamic inventory: generated names web-01 through web-10", async () => {
    const inventory = await inventoryJson("examples/inventory/dynamic.ts", [], { env: { INVENTORY_GENERATED: "1" } });
    expect(inventory.hosts.map((h) => h.name)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"].map((n) => `web-${n}.example.com`),
    );
  });

  test("defaults: the host's 9000 beats the global default 8000", async () => {
    const inventory = await inventoryJson("examples/inventory/defaults.ts");
    expect(inventory.hosts.map((h) => [h.name, h.data.app_port])).toEqual([["special-server.com", 9000]]);
  });

  test("dynamic inventory with top-level await: hosts from the local JSON file", async () => {
    const inventory = await inventoryJson("examples/inventory/dynamic-api.ts", [], {
      env: { INVENTORY_API_URL: undefined },
    });
    expect(inventory.hosts).toEqual([
      ssh("server1.example.com", ["dynamic-api", "web_servers"]),
      ssh("server2.example.com", ["dynamic-api", "web_servers"]),
      ssh("db1.example.com", ["db_servers", "dynamic-api"], { is_primary: true }),
    ]);
  });

  test("secrets come from the environment, and an unset variable leaves its key unset", async () => {
    const set = await inventoryJson("examples/inventory/secrets.ts", [], {
      env: { DB_PASSWORD: "s3cret-db", API_KEY: "k-123" },
    });
    expect(set.hosts[0]?.data).toEqual({ database_password: "s3cret-db", api_key: "k-123" });
    const unset = await inventoryJson("examples/inventory/secrets.ts", [], {
      env: { DB_PASSWORD: undefined, API_KEY: undefined },
    });
    expect(unset.hosts[0]?.data).toEqual({});
  });

  test("group data files: group_data/all and group_data/<group>, files winning over <group>_data", async () => {
    const inventory = await inventoryJson("examples/inventory/group-data-files/inventory.ts");
    const global = { app_name: "myapp", ntp_servers: ["0.pool.ntp.org", "1.pool.ntp.org"] };
    expect(inventory.hosts).toEqual([
      ssh("web-01.example.com", ["inventory", "web_servers"], { ...global, nginx_port: 8080, nginx_workers: 4 }),
      ssh("web-02.example.com", ["inventory", "web_servers"], { ...global, nginx_port: 8080, nginx_workers: 4 }),
      ssh("db-01.example.com", ["db_servers", "inventory"], { ...global, postgres_version: "14" }),
    ]);
  });
});

describe("the complete real-world example", () => {
  const global = {
    environment: "production",
    app_name: "myapp",
    app_version: "2.1.0",
    app_repo: "https://github.com/example/myapp.git",
  };

  test("resolves every host with its groups and layered data", async () => {
    const inventory = await inventoryJson("examples/inventory/real-world.ts");
    const web = (i: number) =>
      ssh(`web-0${i}.example.com`, ["real-world", "web_servers"], {
        ...global,
        nginx_workers: 4,
        app_workers: 4,
        app_port: 8000,
        ssh_user: "deploy",
        ssh_key: "~/.ssh/deploy_key",
        server_id: i,
      });
    const db = { postgres_version: "14", max_connections: 200, shared_buffers: "2GB", ssh_user: "postgres" };
    const cache = { redis_maxmemory: "2gb", redis_policy: "allkeys-lru" };
    expect(inventory.hosts).toEqual([
      ssh("lb-01.example.com", ["load_balancers", "real-world"], { ...global, ssh_user: "admin", is_primary: true }),
      ssh("lb-02.example.com", ["load_balancers", "real-world"], { ...global, ssh_user: "admin", is_primary: false }),
      web(1),
      web(2),
      web(3),
      web(4),
      web(5),
      ssh("db-01.example.com", ["db_servers", "real-world"], {
        ...global,
        ...db,
        is_primary: true,
        replication_slot: "slot1",
      }),
      ssh("db-02.example.com", ["db_servers", "real-world"], {
        ...global,
        ...db,
        is_primary: false,
        replication_slot: "slot2",
      }),
      ssh("cache-01.example.com", ["cache_servers", "real-world"], { ...global, ...cache }),
      ssh("cache-02.example.com", ["cache_servers", "real-world"], { ...global, ...cache }),
    ]);
    expect(Object.keys(inventory.groups)).toEqual([
      "cache_servers",
      "db_servers",
      "load_balancers",
      "real-world",
      "web_servers",
    ]);
  });

  test("load_balancer_data matches no group: a warning suggests load_balancers_data and nothing is merged", async () => {
    const inventory = await inventoryJson("examples/inventory/real-world.ts");
    expect(inventory.warnings).toEqual([
      'examples/inventory/real-world.ts: export "load_balancer_data" is data for a group "load_balancer", which does not exist; it is not applied to any host. Did you mean load_balancers_data?',
    ]);
    for (const h of inventory.hosts) expect(h.data).not.toHaveProperty("haproxy_version");
  });
});
