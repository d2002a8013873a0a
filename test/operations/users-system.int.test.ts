// server.user (public_keys, password, ensure_home) and server.user_authorized_keys through SSH with
// _sudo on the test server, and server.timezone, server.security_limit and server.kill on a fresh container: the
// first apply changes the host, the second plan changes nothing. server.modprobe is fixture-tested only (a
// container has no /proc/modules); server.locale is applied in server-system.int.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-users-system-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keyOne = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIa13KeyOneXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX one@example";
const keyTwo = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIa13KeyTwoXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX two@example";
const hash = "$6$ia13salt$Vd1w3pTq0pHk1nqL0bQY2f7K4eVZ3yXQm8R9sTg5uW6aB7cD8eF9gH0iJ1kL2mN3oP4qR5sT6uV7wX8yZ9aB0c";

async function run(mode: "plan" | "apply", inventory: string, deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 120_000 },
  );
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as Report, stdout: result.stdout };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

describe("a user's keys and password through SSH with _sudo", () => {
  const user = `ia13u${process.pid % 100000}`;
  const inventory = join(dir, "ssh-inventory.json");
  const deploy = join(dir, "users.ts");
  const check = (command: string) => docker("exec", env.servers.main.container, "sh", "-c", command);
  beforeAll(() => {
    writeFileSync(inventory, JSON.stringify({ targets: [["test-sshd", deployHostData(env, { user_name: user })]] }));
    writeFileSync(
      deploy,
      `import { host, server } from "infra-action";
const user = host.data.user_name as string;
server.user({ name: "user", user, shell: "/bin/bash", public_keys: [${JSON.stringify(keyOne)}], password: ${JSON.stringify(hash)}, ensure_home: true, _sudo: true });
server.user_authorized_keys({ name: "keys", user, public_keys: [${JSON.stringify(keyOne)}, ${JSON.stringify(keyTwo)}], delete_keys: true, _sudo: true });
`,
    );
  });
  afterAll(() => check(`userdel -r ${user} 2>/dev/null || true`));

  test("the plan says password set and never shows the hash; apply, then nothing to change", async () => {
    const plan = await run("plan", inventory, deploy, "users-plan");
    expect(plan.stdout).toContain("password set");
    expect(plan.stdout).not.toContain(hash);
    expect(plan.stdout).not.toContain("ia13salt");
    expect(JSON.stringify(plan.report)).not.toContain("ia13salt");

    const first = await run("apply", inventory, deploy, "users-first");
    expect(statuses(first.report)).toEqual({ user: "changed", keys: "changed" });
    expect(JSON.stringify(first.report)).not.toContain("ia13salt");
    expect(check(`awk -F: '$1 == "${user}" { print $2 }' /etc/shadow`)).toBe(hash);
    expect(check(`stat -c '%U:%G %a' /home/${user} /home/${user}/.ssh /home/${user}/.ssh/authorized_keys`)).toBe(
      [`${user}:${user} 755`, `${user}:${user} 700`, `${user}:${user} 600`].join("\n"),
    );
    expect(check(`cat /home/${user}/.ssh/authorized_keys`)).toBe(`${keyOne}\n${keyTwo}`);
    // No password file is left behind.
    expect(check("ls /tmp | grep -c infra-action-password || true")).toBe("0");

    const second = await run("plan", inventory, deploy, "users-second");
    expect(statuses(second.report)).toEqual({ user: "unchanged", keys: "unchanged" });
  }, 240_000);
});

describe("time zone, security limits and kill on a fresh container", () => {
  const container = `infra-action-test-13server-${process.pid}`;
  const inventory = join(dir, "docker-inventory.json");
  const deploy = join(dir, "system.ts");
  beforeAll(() => {
    docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "infinity");
    // A process of a name of its own for server.kill (copied sleep, bounded at 10 minutes).
    docker("exec", container, "cp", "/bin/sleep", "/usr/local/bin/iasleeper");
    docker("exec", "-d", container, "iasleeper", "600");
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    writeFileSync(
      deploy,
      `import { server } from "infra-action";
server.timezone({ name: "timezone", timezone: "Europe/Paris" });
server.security_limit({ name: "limit", domain: "*", limit_type: "soft", item: "nofile", value: 65535 });
server.security_limit({ name: "limit-again", domain: "@admins", limit_type: "-", item: "nproc", value: "unlimited" });
server.kill({ name: "kill", process: "iasleeper" });
`,
    );
  }, 60_000);
  afterAll(() => {
    docker("rm", "-f", container);
  });

  test("applies, then finds nothing to change", async () => {
    const first = await run("apply", inventory, deploy, "system-first");
    expect(statuses(first.report)).toEqual({
      timezone: "changed",
      limit: "changed",
      "limit-again": "changed",
      kill: "changed",
    });
    const exec = (command: string) => docker("exec", container, "sh", "-c", command);
    expect(exec("readlink /etc/localtime; cat /etc/timezone; date +%Z")).toMatch(
      /^\/usr\/share\/zoneinfo\/Europe\/Paris\nEurope\/Paris\nCES?T$/,
    );
    expect(exec("tail -n 2 /etc/security/limits.conf")).toBe("*\tsoft\tnofile\t65535\n@admins\t-\tnproc\tunlimited");
    // The signalled process is gone (bounded: 5 s).
    for (let i = 0; i < 50 && exec("pgrep -x iasleeper || true") !== ""; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(exec("pgrep -x iasleeper || true")).toBe("");
    const second = await run("plan", inventory, deploy, "system-second");
    expect(statuses(second.report)).toEqual({
      timezone: "unchanged",
      limit: "unchanged",
      "limit-again": "unchanged",
      kill: "unchanged",
    });
  }, 240_000);
});
