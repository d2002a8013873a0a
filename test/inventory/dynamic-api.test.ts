// A dynamic inventory loaded with top-level await from an HTTP API (a loopback server here).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { inventoryJson, runCli } from "../helpers/run-cli.js";

let server: Server;
let url: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.url === "/hosts") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ web_servers: ["api-web-01"], db_servers: [["api-db-01", { is_primary: true }]] }));
    } else {
      response.writeHead(503, "Service Unavailable").end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("hosts come from the API the inventory awaits", async () => {
  const inventory = await inventoryJson("examples/inventory/dynamic-api.ts", [], {
    env: { INVENTORY_API_URL: `${url}/hosts` },
  });
  expect(inventory.hosts.map((h) => [h.name, h.groups, h.data])).toEqual([
    ["api-web-01", ["dynamic-api", "web_servers"], {}],
    ["api-db-01", ["db_servers", "dynamic-api"], { is_primary: true }],
  ]);
  expect(requests).toContain("GET /hosts");
});

test("an API failure is reported as the inventory failing to load, naming the file and the line", async () => {
  const result = await runCli(["inventory", "examples/inventory/dynamic-api.ts"], {
    env: { INVENTORY_API_URL: `${url}/down` },
  });
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toMatch(
    /^error: inventory examples\/inventory\/dynamic-api\.ts failed while loading: Error: inventory API answered 503 Service Unavailable \(at examples\/inventory\/dynamic-api\.ts:\d+:\d+\)\n$/,
  );
});
