// mysql.user, mysql.database, mysql.privileges, mysql.sql, mysql.dump and mysql.load through the
// @local connector against the test environment's own MariaDB server (127.0.0.1, TCP, an admin with a
// password): the first apply changes the server (checked with the mariadb client), the second plan
// changes nothing (sql, dump and load are always a change). Names and the password are hostile; the
// passwords never show in a plan, a report or a command line, and no private file is left behind.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { loadMariadbEnv } from "../helpers/mariadb-env.js";
import { runCli } from "../helpers/run-cli.js";

const env = loadMariadbEnv();
const dir = mkdtempSync(join(tmpdir(), "infra-action-mysqltest-"));
const adminFile = join(dir, "admin.cnf");
const suffix = process.pid % 100000;
// Hostile names: quotes, a backtick, a semicolon, a space, a leading dash.
const user = `-ia'u"${suffix};\``;
const database = `ia db\`${suffix}'; --`;
const copy = `ia_copy_${suffix}`;
// The password has every character that could end a quoted string, a shell substitution and a newline.
const password = `pw'"\\;$(touch /tmp/ia-pwned-${suffix})\n#x ${suffix}`;
const dumpFile = join(dir, "dump.sql");

// SQL through the mariadb client as the admin (password in a 0600 option file), -N -B output.
function query(sql: string, options: { file?: string } = {}): string {
  return execFileSync(
    "mariadb",
    [
      `--defaults-extra-file=${options.file ?? adminFile}`,
      "--protocol=TCP",
      `--host=${env.host}`,
      `--port=${env.port}`,
      "-N",
      "-B",
      "-e",
      sql,
    ],
    { encoding: "utf8", timeout: 30_000 },
  ).trim();
}

const q = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''").replace(/\n/g, "\\n")}'`;
const ident = (name: string) => `\`${name.replace(/`/g, "``")}\``;
const account = `${q(user)}@'127.0.0.1'`;

// Every process's command line on this machine (what any local user can read in /proc).
function commandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // the process ended
    }
  }
  return lines;
}

// The mysql/mariadb command lines seen while the CLI ran (sampled every 5 ms, at most 10,000 times a run).
const seen: string[] = [];

async function run(mode: "plan" | "apply", deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  let samples = 0;
  const sampler = setInterval(() => {
    if (samples++ < 10_000) seen.push(...commandLines().filter((line) => /mysql|mariadb/.test(line)));
  }, 5);
  const result = await runCli(
    [
      mode,
      join(dir, "inventory.json"),
      join(dir, deploy),
      "--report",
      reportFile,
      ...(mode === "apply" ? ["--yes"] : []),
    ],
    { timeoutMs: 120_000 },
  ).finally(() => clearInterval(sampler));
  const reportText = readFileSync(reportFile, "utf8");
  // Neither password shows anywhere the user reads, nor on any command line.
  for (const text of [result.stdout, result.stderr, reportText, ...seen]) {
    expect(text).not.toContain(env.password);
    expect(text).not.toContain(`ia-pwned-${suffix}`);
  }
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(reportText) as Report, stdout: result.stdout };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

// A call's arguments in a deploy: the connection (conn) and then the given ones.
const args = (given: Record<string, unknown>) => `{ ...conn, ...${JSON.stringify(given)} }`;

// A deploy file: `lines` are its operation calls (written with args()), with the admin's connection from host
// data (or the app user's).
function writeDeploy(file: string, lines: string[], connection = "admin") {
  writeFileSync(
    join(dir, file),
    `import { host, mysql } from "infra-action";
const d = host.data as Record<string, unknown>;
const admin = { mysql_user: d.mysql_user, mysql_password: d.mysql_password, mysql_host: "127.0.0.1", mysql_port: d.port };
const app = { mysql_user: d.app_user, mysql_password: d.app_password, mysql_host: "127.0.0.1", mysql_port: d.port };
const conn = ${connection === "admin" ? "admin" : "app"} as Record<string, unknown>;
void app;
${lines.join("\n")}
`,
  );
}

// Files the operations stage in /tmp (none may be left).
const stagedFiles = () => readdirSync("/tmp").filter((name) => /^infra-action-mysql-[0-9a-f]{16}-/.test(name));

describe("mysql.* on a real MariaDB server through @local", () => {
  beforeAll(() => {
    writeFileSync(adminFile, `[client]\nuser=${env.user}\npassword=${env.password}\n`, { mode: 0o600 });
    writeFileSync(
      join(dir, "inventory.json"),
      JSON.stringify({
        targets: [
          [
            "@local",
            {
              mysql_user: env.user,
              mysql_password: env.password,
              port: env.port,
              app_user: user,
              app_password: password,
            },
          ],
        ],
      }),
    );
  });
  afterAll(() => {
    try {
      query(
        `DROP USER IF EXISTS ${account}; DROP DATABASE IF EXISTS ${ident(database)}; DROP DATABASE IF EXISTS ${ident(copy)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("user, database and privileges: created with a hostile name and password, then nothing to change", async () => {
    writeDeploy("create.ts", [
      `mysql.user(${args({
        name: "user",
        user,
        user_hostname: "127.0.0.1",
        password,
        max_queries_per_hour: 100,
        privileges: ["PROCESS"],
      })});`,
      `mysql.database(${args({
        name: "database",
        database,
        charset: "utf8mb4",
        collate: "utf8mb4_bin",
        user,
        user_hostname: "127.0.0.1",
        user_privileges: ["SELECT", "INSERT"],
      })});`,
      `mysql.sql(${args({ name: "table", database, sql: "CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, note TEXT)" })});`,
      `mysql.privileges(${args({
        name: "privileges",
        user,
        user_hostname: "127.0.0.1",
        database,
        table: "t",
        privileges: "ALL",
        with_grant_option: true,
      })});`,
    ]);
    const plan = await run("plan", "create.ts", "create-plan");
    expect(plan.stdout).toContain("<password set>");
    expect(plan.stdout).not.toContain("pw'");

    const first = await run("apply", "create.ts", "create-first");
    expect(statuses(first.report)).toEqual({
      user: "changed",
      database: "changed",
      table: "changed",
      privileges: "changed",
    });
    expect(query(`SELECT max_questions FROM mysql.user WHERE User = ${q(user)} AND Host = '127.0.0.1'`)).toBe("100");
    expect(
      query(
        `SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${q(database)}`,
      ),
    ).toBe("utf8mb4\tutf8mb4_bin");
    const grants = query(`SHOW GRANTS FOR ${account}`);
    expect(grants).toContain(`GRANT PROCESS ON *.* TO`);
    expect(grants).toContain(`GRANT SELECT, INSERT ON ${ident(database).replace(/\\/g, "\\\\")}.* TO`);
    expect(grants).toMatch(/GRANT ALL PRIVILEGES ON .*\.`t` TO .* WITH GRANT OPTION/);
    // The hostile password was set as given: the user logs in with it.
    const appFile = join(dir, "app.cnf");
    const optionValue = password.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
    writeFileSync(appFile, `[client]\nuser="${user.replace(/"/g, '\\"')}"\npassword="${optionValue}"\n`, {
      mode: 0o600,
    });
    expect(query("SELECT CURRENT_USER()", { file: appFile })).toBe(`${user}@127.0.0.1`);
    expect(stagedFiles()).toEqual([]);

    const second = await run("plan", "create.ts", "create-second");
    expect(statuses(second.report)).toEqual({
      user: "unchanged",
      database: "unchanged",
      table: "changed",
      privileges: "unchanged",
    });
  }, 300_000);

  test("privileges and limits changed: extra privileges revoked, then nothing to change", async () => {
    writeDeploy("alter.ts", [
      `mysql.user(${args({ name: "user", user, user_hostname: "127.0.0.1", max_queries_per_hour: 200, privileges: [] })});`,
      `mysql.privileges(${args({ name: "privileges", user, user_hostname: "127.0.0.1", database, table: "t", privileges: ["SELECT"] })});`,
      `mysql.database(${args({ name: "database", database, collate: "utf8mb4_general_ci" })});`,
    ]);
    const first = await run("apply", "alter.ts", "alter-first");
    expect(statuses(first.report)).toEqual({ user: "changed", privileges: "changed", database: "changed" });
    expect(query(`SELECT max_questions FROM mysql.user WHERE User = ${q(user)} AND Host = '127.0.0.1'`)).toBe("200");
    const grants = query(`SHOW GRANTS FOR ${account}`);
    expect(grants).not.toContain("PROCESS");
    expect(grants).not.toContain("GRANT OPTION");
    expect(grants).toMatch(/GRANT SELECT ON .*\.`t` TO/);
    expect(
      query(`SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${q(database)}`),
    ).toBe("utf8mb4_general_ci");
    const second = await run("plan", "alter.ts", "alter-second");
    expect(statuses(second.report)).toEqual({ user: "unchanged", privileges: "unchanged", database: "unchanged" });
  }, 300_000);

  test("sql as the user with the hostile password, dump and load: each runs on every apply", async () => {
    // DO SLEEP(1) keeps the client running long enough to be seen in /proc: its command line names
    // the private option file, never the password (run() checks every line seen).
    writeDeploy(
      "insert.ts",
      [
        `mysql.sql(${args({ name: "insert", database, sql: "DO SLEEP(1); INSERT INTO t VALUES (1, 'it''s; `here`')" })});`,
      ],
      "app",
    );
    seen.length = 0;
    const inserted = await run("apply", "insert.ts", "insert");
    expect(statuses(inserted.report)).toEqual({ insert: "changed" });
    expect(seen.some((line) => line.startsWith("mysql --defaults-extra-file=") && line.includes("SLEEP(1)"))).toBe(
      true,
    );
    expect(query(`SELECT note FROM ${ident(database)}.t WHERE id = 1`)).toBe("it's; `here`");

    writeDeploy("copy.ts", [
      `mysql.dump(${args({ name: "dump", dest: dumpFile, database })});`,
      `mysql.database(${args({ name: "copy", database: copy })});`,
      `mysql.load(${args({ name: "load", src: dumpFile, database: copy })});`,
    ]);
    const first = await run("apply", "copy.ts", "copy-first");
    expect(statuses(first.report)).toEqual({ dump: "changed", copy: "changed", load: "changed" });
    expect(readFileSync(dumpFile, "utf8")).toContain("CREATE TABLE `t`");
    expect(statSync(dumpFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
    expect(query(`SELECT note FROM ${ident(copy)}.t WHERE id = 1`)).toBe("it's; `here`");
    expect(stagedFiles()).toEqual([]);
    const second = await run("plan", "copy.ts", "copy-second");
    expect(statuses(second.report)).toEqual({ dump: "changed", copy: "unchanged", load: "changed" });
  }, 300_000);

  test("present: false drops the user and both databases, then nothing to change", async () => {
    writeDeploy("remove.ts", [
      `mysql.user(${args({ name: "user", user, user_hostname: "127.0.0.1", present: false })});`,
      `mysql.database(${args({ name: "database", database, present: false })});`,
      `mysql.database(${args({ name: "copy", database: copy, present: false })});`,
    ]);
    const first = await run("apply", "remove.ts", "remove-first");
    expect(statuses(first.report)).toEqual({ user: "changed", database: "changed", copy: "changed" });
    expect(query(`SELECT COUNT(*) FROM mysql.user WHERE User = ${q(user)}`)).toBe("0");
    expect(
      query(`SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (${q(database)}, ${q(copy)})`),
    ).toBe("0");
    const second = await run("plan", "remove.ts", "remove-second");
    expect(statuses(second.report)).toEqual({ user: "unchanged", database: "unchanged", copy: "unchanged" });
    expect(readdirSync("/tmp").filter((name) => name.startsWith("ia-pwned"))).toEqual([]);
  }, 300_000);
});
