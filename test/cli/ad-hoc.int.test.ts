// pyinfra's ad-hoc form: an inventory given on the command line (`@local`, `host1,host2`, `@ssh/HOST`)
// for every command, and `run INVENTORY OPERATION key=value…` for one operation, through the real CLI.
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { inventoryJson, runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const dir = mkdtempSync(join(tmpdir(), "infra-action-ad-hoc-"));

test("an inventory on the command line: @local, and hosts separated by commas", async () => {
  const local = await inventoryJson("@local");
  expect(local.hosts).toEqual([{ name: "@local", connector: "local", groups: ["@local"], data: {} }]);
  const two = await inventoryJson("web-01.example.com,@docker/debian:bookworm", ["--data", "app_port=8080"]);
  expect(two.hosts.map((h) => [h.name, h.connector, h.data])).toEqual([
    ["web-01.example.com", "ssh", { app_port: 8080 }],
    ["@docker/debian:bookworm", "docker", { app_port: 8080 }],
  ]);
});

test("a path that looks like an inventory file stays a file: a typo is not taken for a host", async () => {
  const result = await runCli(["inventory", "inventroy.ts"]);
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toContain("inventory inventroy.ts does not exist");
});

test("run: --dry plans one operation, then it applies, and a second run changes nothing", async () => {
  const path = join(dir, "made-by-run");
  const dry = await runCli(["run", "@local", "files.directory", `path=${path}`, "mode=0750", "--dry"]);
  expect(dry.exitCode, dry.stderr).toBe(0);
  expect(dry.stdout).toContain(`mkdir -p ${path}`);
  expect(existsSync(path)).toBe(false);
  const applied = await runCli(["run", "@local", "files.directory", `path=${path}`, "mode=0750", "--yes"]);
  expect(applied.exitCode, applied.stderr).toBe(0);
  expect(statSync(path).mode & 0o777).toBe(0o750);
  const again = await runCli(["run", "@local", "files.directory", `path=${path}`, "mode=0750", "--yes"]);
  expect(again.stdout).toContain("1 host: 0 changed, 1 unchanged");
});

test("run: values are typed as pyinfra types them (true/false, numbers, JSON lists)", async () => {
  const out = join(dir, "shell.out");
  const result = await runCli([
    "run",
    "@local",
    "server.shell",
    `commands=["echo one > ${out}", "echo two >> ${out}"]`,
    "_sudo=False",
    "--yes",
  ]);
  expect(result.exitCode, result.stderr).toBe(0);
  expect(readFileSync(out, "utf8")).toBe("one\ntwo\n");
});

test("run: a misspelt operation or an argument that is not key=value is one clear error, before any host", async () => {
  const misspelt = await runCli(["run", "@local", "apt.pakages", "packages=nginx", "--dry"]);
  expect(misspelt.exitCode).toBe(1);
  expect(misspelt.stderr).toBe(
    'error: there is no operation "apt.pakages" (did you mean "apt.packages"?). Name one as family.operation, such as apt.packages.\n',
  );
  const positional = await runCli(["run", "@local", "apt.packages", "nginx", "--dry"]);
  expect(positional.exitCode).toBe(1);
  expect(positional.stderr).toContain('operation argument "nginx" is not key=value');
  const wrong = await runCli(["run", "@local", "files.directory", "path=/tmp/x", "mode=750", "--dry"]);
  expect(wrong.exitCode).toBe(1);
  expect(wrong.stdout + wrong.stderr).toMatch(/mode/);
});

test("run on an SSH host named on the command line (@ssh/HOST), its connection data from --data", async () => {
  const env = loadTestEnv();
  const data = Object.entries(deployHostData(env)).flatMap(([key, value]) => ["--data", `${key}=${value}`]);
  const marker = `/tmp/ia-ad-hoc-${process.pid}`;
  const result = await runCli(
    ["run", `@ssh/${env.servers.main.host}`, "server.shell", `commands=touch ${marker}`, "--yes", ...data],
    { timeoutMs: 60_000 },
  );
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  expect(result.stdout).toContain("1 operation changed");
  const check = await runCli(
    ["run", `@ssh/${env.servers.main.host}`, "files.file", `path=${marker}`, "present=false", "--yes", ...data],
    { timeoutMs: 60_000 },
  );
  expect(check.stdout).toContain(`rm -f ${marker}`);
});
