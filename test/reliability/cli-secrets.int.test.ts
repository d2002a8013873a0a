// Secrets through the CLI on a real SSH host: an environment variable named with --secret and used
// in data and a template, and the login and sudo passwords in host data, appear in none of stdout,
// stderr or the JSON report — while the host really receives the secret.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { recordFault } from "../helpers/fault-table.js";
import { type CliResult, runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const dbPassword = "db-Pa55-7c1e-secret";
const root = `/srv/ia-cli-secrets-${process.pid}`;
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" });

// The inventory reads both secrets from the environment, as a user's would.
const project = tempProject({
  "inventory.ts": `export const hosts = [["pw-sshd", {
  ssh_hostname: "${env.servers.main.host}",
  ssh_port: ${env.servers.main.port},
  ssh_user: "${env.users.pwuser.name}",
  ssh_password: process.env.LOGIN_PASSWORD,
  _sudo_password: process.env.LOGIN_PASSWORD,
  ssh_known_hosts_file: ${JSON.stringify(env.knownHosts)},
  db_password: process.env.DB_PASSWORD,
  root: "${root}",
}]];
`,
  "deploy.ts": `import { files, host } from "infra-action";
files.directory({ name: "config dir", path: host.data.get("root") as string, mode: "700", _sudo: true });
files.template({ name: "database config", src: "db.conf.j2", dest: \`\${host.data.get("root")}/db.conf\`, mode: "600", _sudo: true });
`,
  "db.conf.j2": "user = app\npassword = {{ host.data.db_password }}\n",
});
const cliEnv = { DB_PASSWORD: dbPassword, LOGIN_PASSWORD: env.users.pwuser.password };
const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv, timeoutMs: 120_000 });
const results: CliResult[] = [];

afterAll(() => {
  docker("exec", env.servers.main.container, "rm", "-rf", root);
});

describe("secrets in the CLI", () => {
  test("plan, apply, exec and inventory show neither the --secret value nor the passwords in data", async () => {
    const secret = ["--secret", "DB_PASSWORD"];
    const plan = await run("plan", "inventory.ts", "deploy.ts", "--report", "plan.json", ...secret);
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("+password = ***");
    const apply = await run("apply", "inventory.ts", "deploy.ts", "--yes", "--report", "apply.json", ...secret);
    expect(apply.exitCode, apply.stderr).toBe(0);
    const exec = await run("exec", "inventory.ts", ...secret, "--sudo", "--", "cat", `${root}/db.conf`);
    expect(exec.exitCode, exec.stderr).toBe(0);
    expect(exec.stdout).toContain("[pw-sshd] password = ***");
    const inventory = await run("inventory", "inventory.ts", "--json", ...secret);
    expect(JSON.parse(inventory.stdout).hosts[0].data).toMatchObject({
      db_password: "***",
      ssh_password: "***",
      _sudo_password: "***",
    });
    results.push(plan, apply, exec, inventory);

    // The host got the real value, and only root can read it.
    expect(docker("exec", env.servers.main.container, "cat", `${root}/db.conf`)).toBe(
      `user = app\npassword = ${dbPassword}\n`,
    );
    const report = JSON.parse(readFileSync(join(project, "apply.json"), "utf8")) as Report;
    expect(report.hosts[0]?.status).toBe("changed");
    expect(report.hosts[0]?.operations.find((o) => o.name === "database config")?.diff).toContain("+password = ***");

    const reports = readdirSync(project)
      .filter((f) => f.endsWith(".json"))
      .map((f) => readFileSync(join(project, f), "utf8"));
    const everything = [...results.flatMap((r) => [r.stdout, r.stderr]), ...reports].join("\n");
    const hits = [dbPassword, env.users.pwuser.password].reduce((n, s) => n + everything.split(s).length - 1, 0);
    recordFault({
      scenario: "secrets in the CLI (stdout, stderr, report)",
      affected: 0,
      completed: 1,
      leftovers: 0,
      secretHits: hits,
      injectionEscapes: 0,
    });
    expect(everything).not.toContain(dbPassword);
    expect(everything).not.toContain(env.users.pwuser.password);
  }, 240_000);

  test("a --secret naming an unset variable, or given a value, is a clear error and nothing runs", async () => {
    const unset = await runCli(["plan", "inventory.ts", "deploy.ts", "--secret", "DB_PASWORD"], {
      cwd: project,
      env: cliEnv,
    });
    expect(unset.exitCode).toBe(1);
    expect(unset.stderr).toBe(
      "error: --secret DB_PASWORD: the environment variable DB_PASWORD is not set (or empty). Export it before running infra-action.\n",
    );
    expect(unset.stdout).toBe("");
    const value = await runCli(["inventory", "inventory.ts", "--secret", "hunter2 value"], { cwd: project });
    expect(value.exitCode).toBe(1);
    expect(value.stderr).not.toContain("hunter2");
    expect(value.stderr).toBe(
      "error: --secret takes the name of an environment variable holding the secret (--secret DB_PASSWORD), never the value (what was given is not shown).\n",
    );
  });

  test("a --secret rendered URL-encoded, as JSON, base64 and hex shows in no form; a short one is named", async () => {
    const secret = "s3cr3t/<&'\"é+ !*(x)=ü-9f2c";
    const local = tempProject({
      "inventory.ts": `export const targets = ["@local"];
export const app_secret = process.env.APP_SECRET;
export const app_secret_b64 = Buffer.from(process.env.APP_SECRET ?? "").toString("base64");
export const app_secret_hex = Buffer.from(process.env.APP_SECRET ?? "").toString("hex");
`,
      "deploy.ts": `import { files, host } from "infra-action";
files.template({ name: "encoded config", src: "encoded.conf.j2", dest: host.data.get("root") + "/encoded.conf" });
`,
      "encoded.conf.j2": `url = https://db.example/?password={{ host.data.app_secret | urlencode }}
query = {{ {"password": host.data.app_secret} | urlencode }}
json = {{ {"password": host.data.app_secret} | tojson }}
b64 = {{ host.data.app_secret_b64 }}
hex = {{ host.data.app_secret_hex }}
`,
    });
    const forms = {
      literal: secret,
      encodeURIComponent: encodeURIComponent(secret),
      "Jinja2 urlencode": encodeURIComponent(secret)
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replaceAll("%2F", "/"),
      "Jinja2 tojson": JSON.stringify(secret)
        .slice(1, -1)
        .replace(/[<>&'\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
      base64: Buffer.from(secret).toString("base64").replace(/=+$/, ""),
      hex: Buffer.from(secret).toString("hex"),
    };
    const plan = (other: string) =>
      runCli(
        ["plan", "inventory.ts", "deploy.ts", "--data", `root=${local}`, "--report", "plan.json"].concat([
          "--secret",
          "APP_SECRET,DB_PIN,OTHER",
        ]),
        { cwd: local, env: { APP_SECRET: secret, DB_PIN: "4821", OTHER: other }, timeoutMs: 60_000 },
      );
    const first = await plan("other-value-1");
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toContain(
      "warning: secret DB_PIN is shorter than 6 characters: it cannot be redacted reliably. Use a value of 6 characters or more.\n",
    );
    expect(first.stdout).toContain("+b64 = ***");
    const report = readFileSync(join(local, "plan.json"), "utf8");
    const everything = [first.stdout, first.stderr, report].join("\n");
    expect(
      Object.entries(forms)
        .filter(([, form]) => everything.includes(form))
        .map(([name]) => name),
    ).toEqual([]);

    // The digest is keyed with the --secret values: the same ones give the same digest, others another.
    const digest = (run: CliResult) => /Plan digest: ([0-9a-f]{64})/.exec(run.stdout)?.[1];
    const again = await plan("other-value-1");
    const other = await plan("other-value-2");
    expect(digest(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(digest(again)).toBe(digest(first));
    expect(digest(other)).not.toBe(digest(first));
  }, 120_000);
});
