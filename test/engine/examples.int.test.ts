// The guide's deploy examples, planned on containers standing in for the inventory's hosts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-examples-"));
const web = `infra-action-test-web-${process.pid}`;
const db = `infra-action-test-db-${process.pid}`;
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();

beforeAll(() => {
  for (const name of [web, db])
    docker("run", "-d", "--network", "host", "--name", name, env.image, "sleep", "infinity");
  // The real-world inventory's data, on two containers.
  writeFileSync(
    join(dir, "production.json"),
    JSON.stringify({
      environment: "production",
      app_name: "myapp",
      app_version: "2.1.0",
      app_repo: "https://github.com/example/myapp.git",
      web_servers: [[`@docker/${web}`, { server_id: 1 }]],
      web_servers_data: { nginx_workers: 4, app_workers: 4, app_port: 8000 },
      db_servers: [[`@docker/${db}`, { is_primary: true, replication_slot: "slot1" }]],
      db_servers_data: { postgres_version: "14", max_connections: 200, shared_buffers: "2GB" },
    }),
  );
});

afterAll(() => {
  for (const name of [web, db]) docker("rm", "-f", name);
});

async function plan(deploy: string): Promise<Report> {
  const file = join(dir, "report.json");
  const result = await runCli(["plan", join(dir, "production.json"), deploy, "--report", file], { timeoutMs: 120_000 });
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return JSON.parse(readFileSync(file, "utf8")) as Report;
}

test("the real-world deploy: nginx, the app and its config on web servers; PostgreSQL on database servers", async () => {
  const report = await plan("examples/deploy/real-world.ts");
  const [webHost, dbHost] = report.hosts;
  expect(webHost?.operations.map((o) => [o.name, o.status])).toEqual([
    ["Install web server packages", "changed"],
    ["Clone application", "changed"],
    ["Configure nginx", "changed"],
  ]);
  expect(webHost?.operations[0]?.reason).toBe("install nginx, python3-pip");
  expect(webHost?.operations[1]?.commands).toEqual([
    "git clone --branch main -- https://github.com/example/myapp.git /opt/myapp",
  ]);
  const nginx = webHost?.operations[2]?.diff ?? "";
  expect(nginx).toContain("+worker_processes 4;\n");
  expect(nginx).toContain('+    add_header X-Served-By "web-01";\n');
  expect(nginx).toContain("+        server 127.0.0.1:8000;\n");
  expect(dbHost?.operations.map((o) => [o.name, o.status])).toEqual([
    ["Install PostgreSQL", "changed"],
    ["Configure PostgreSQL", "changed"],
  ]);
  expect(dbHost?.operations[0]?.reason).toBe("install postgresql-14");
  const postgres = dbHost?.operations[1]?.diff ?? "";
  expect(postgres).toContain("+++ /etc/postgresql/14/main/postgresql.conf\tdesired");
  expect(postgres).toContain("+max_connections = 200\n+shared_buffers = 2GB\n");
  expect(postgres).toContain("+# This server is the primary.\n");
});

test("the facts example picks apt on Debian", async () => {
  const report = await plan("examples/deploy/facts.ts");
  for (const host of report.hosts)
    expect(host.operations.map((o) => [o.name, o.op])).toEqual([["Install packages", "apt.packages"]]);
});

test("the group examples act on their groups only", async () => {
  const report = await plan("examples/deploy/groups.ts");
  expect(report.hosts.map((h) => h.operations.map((o) => o.name))).toEqual([
    ["Install nginx", "Configure nginx"],
    ["Install PostgreSQL"],
  ]);
});
