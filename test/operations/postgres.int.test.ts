// postgres.role, postgres.database, postgres.sql, postgres.dump and postgres.load through @local against
// the tests' own PostgreSQL server (scripts/test-env/postgres.mjs, 127.0.0.1 only): the first apply
// changes the server (checked with psql), the second plan changes nothing for role and database (sql,
// dump and load are always a change); passwords never show in a plan, report or output.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadPostgres } from "../helpers/test-env.js";

const pg = loadPostgres();
const dir = mkdtempSync(join(tmpdir(), "infra-action-postgres-"));
const tag = `${process.pid}`;
// Names a careless implementation would break on: quotes, a semicolon, spaces.
const role = `ia"pg'role; ${tag}`;
const database = `ia pg"db ${tag}`;
const copy = `ia_pg_copy_${tag}`;
const rolePassword = `rp-${randomBytes(12).toString("hex")}`;
const dumpFile = join(dir, "dump.sql");

// Runs SQL as the tests' superuser and gives psql's unaligned output.
function psql(sql: string, options: { user?: string; password?: string; database?: string } = {}): string {
  return execFileSync(
    "psql",
    ["-X", "-w", "-A", "-t", "-q", "-h", pg.host, "-p", String(pg.port), "-U", options.user ?? pg.user],
    {
      input: sql,
      encoding: "utf8",
      env: {
        ...process.env,
        PGPASSWORD: options.password ?? pg.password,
        PGDATABASE: options.database ?? pg.database,
        PGCONNECT_TIMEOUT: "10",
      },
      timeout: 30_000,
    },
  ).trim();
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

// The host data every deploy reads its connection from.
const connection = {
  psql_user: pg.user,
  psql_password: pg.password,
  psql_host: pg.host,
  psql_port: pg.port,
  psql_database: pg.database,
};

async function run(mode: "plan" | "apply", deploy: string, name: string, data: Record<string, unknown> = {}) {
  const inventory = join(dir, `${name}-inventory.json`);
  writeFileSync(inventory, JSON.stringify({ targets: [["@local", { ...connection, ...data }]] }));
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 120_000 },
  );
  const report = existsSync(reportFile) ? readFileSync(reportFile, "utf8") : "";
  return { ...result, reportText: report, report: report ? (JSON.parse(report) as Report) : undefined };
}

const statuses = (report: Report | undefined) =>
  Object.fromEntries((report?.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

// What a run showed anywhere a user or a log could read it.
const shown = (result: { stdout: string; stderr: string; reportText: string }) =>
  `${result.stdout}\n${result.stderr}\n${result.reportText}`;

// Private files the operations write for psql and must remove.
const leftovers = () => readdirSync("/tmp").filter((f) => /^infra-action-(pgpass|sql)-/.test(f));

function writeDeploy(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `import { host, postgres } from "infra-action";
const c = {
  psql_user: host.data.psql_user as string,
  psql_password: host.data.psql_password as string,
  psql_host: host.data.psql_host as string,
  psql_port: host.data.psql_port as number,
  psql_database: host.data.psql_database as string,
};
${body}`,
  );
  return file;
}

beforeAll(() => {
  // A dump left by an earlier run of this pid would make load fail: start clean.
  psql(
    `DROP DATABASE IF EXISTS ${ident(database)}; DROP DATABASE IF EXISTS ${ident(copy)}; DROP ROLE IF EXISTS ${ident(role)};`,
  );
});

afterAll(() => {
  psql(
    `DROP DATABASE IF EXISTS ${ident(database)}; DROP DATABASE IF EXISTS ${ident(copy)}; DROP ROLE IF EXISTS ${ident(role)};`,
  );
  rmSync(dir, { recursive: true, force: true });
});

describe("postgres.* on a real server through @local", () => {
  const args = JSON.stringify;
  const deploy = writeDeploy(
    "postgres.ts",
    `postgres.role({ name: "role", role: ${args(role)}, password: ${args(rolePassword)}, createdb: true, connection_limit: 4, ...c });
postgres.database({ name: "database", database: ${args(database)}, owner: ${args(role)}, template: "template0", encoding: "SQL_ASCII", lc_collate: "C", lc_ctype: "C", connection_limit: 7, ...c });
postgres.database({ name: "copy", database: ${args(copy)}, owner: ${args(role)}, ...c });
postgres.sql({ name: "sql", sql: "CREATE TABLE IF NOT EXISTS items (name text);\\nINSERT INTO items VALUES ('it''s; \\"quoted\\"');\\n", ...c, psql_database: ${args(database)} });
postgres.dump({ name: "dump", dest: ${args(dumpFile)}, database: ${args(database)}, ...c });
postgres.load({ name: "load", src: ${args(dumpFile)}, database: ${args(copy)}, ...c });
`,
  );

  test("the first apply makes the role, the databases, the table, the dump and its copy; the second plan changes only sql, dump and load", async () => {
    const plan = await run("plan", deploy, "plan");
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toContain("password set");
    for (const secret of [rolePassword, pg.password]) expect(shown(plan)).not.toContain(secret);

    const first = await run("apply", deploy, "first");
    expect(first.exitCode, `${first.stdout}\n${first.stderr}`).toBe(0);
    expect(statuses(first.report)).toEqual({
      role: "changed",
      database: "changed",
      copy: "changed",
      sql: "changed",
      dump: "changed",
      load: "changed",
    });
    for (const secret of [rolePassword, pg.password]) expect(shown(first)).not.toContain(secret);
    expect(leftovers()).toEqual([]);

    expect(
      psql(
        `SELECT rolcanlogin, rolsuper, rolinherit, rolcreatedb, rolcreaterole, rolreplication, rolconnlimit FROM pg_roles WHERE rolname = ${literal(role)}`,
      ),
    ).toBe("t|f|f|t|f|f|4");
    // The password is the one asked for: the role logs in with it.
    expect(psql("SELECT current_user", { user: role, password: rolePassword })).toBe(role);
    expect(
      psql(
        `SELECT pg_get_userbyid(datdba), pg_encoding_to_char(encoding), datcollate, datctype, datconnlimit FROM pg_database WHERE datname = ${literal(database)}`,
      ),
    ).toBe(`${role}|SQL_ASCII|C|C|7`);
    expect(psql("SELECT name FROM items", { database })).toBe(`it's; "quoted"`);
    expect(readFileSync(dumpFile, "utf8")).toContain("CREATE TABLE public.items");
    expect(existsSync(`${dumpFile}.infra-action-partial`)).toBe(false);
    expect(psql("SELECT name FROM items", { database: copy })).toBe(`it's; "quoted"`);

    const second = await run("plan", deploy, "second");
    expect(second.exitCode, second.stderr).toBe(0);
    expect(statuses(second.report)).toEqual({
      role: "unchanged",
      database: "unchanged",
      copy: "unchanged",
      sql: "changed",
      dump: "changed",
      load: "changed",
    });
  }, 240_000);

  test("attributes, owner, limit and password changed behind its back are put back, then nothing to change", async () => {
    psql(
      `ALTER ROLE ${ident(role)} WITH NOCREATEDB CONNECTION LIMIT 9 PASSWORD 'changed-elsewhere'; ALTER DATABASE ${ident(database)} OWNER TO ${ident(pg.user)}; ALTER DATABASE ${ident(database)} CONNECTION LIMIT -1;`,
    );
    const only = writeDeploy(
      "postgres-drift.ts",
      `postgres.role({ name: "role", role: ${JSON.stringify(role)}, password: ${JSON.stringify(rolePassword)}, createdb: true, connection_limit: 4, ...c });
postgres.database({ name: "database", database: ${JSON.stringify(database)}, owner: ${JSON.stringify(role)}, encoding: "SQL_ASCII", lc_collate: "C", lc_ctype: "C", connection_limit: 7, ...c });
`,
    );
    const plan = await run("plan", only, "drift-plan");
    expect(statuses(plan.report)).toEqual({ role: "changed", database: "changed" });
    expect(plan.stdout).toContain(": password set; ");
    expect(plan.stdout).toContain("WITH CREATEDB CONNECTION LIMIT 4' -f /tmp/infra-action-sql-");
    expect(plan.stdout).toContain(`-c 'ALTER DATABASE "ia pg""db ${tag}" OWNER TO "ia""pg'\\''role; ${tag}"'`);
    expect(plan.stdout).toContain(`-c 'ALTER DATABASE "ia pg""db ${tag}" CONNECTION LIMIT 7'`);
    for (const secret of [rolePassword, pg.password]) expect(shown(plan)).not.toContain(secret);
    const apply = await run("apply", only, "drift-apply");
    expect(apply.exitCode, `${apply.stdout}\n${apply.stderr}`).toBe(0);
    for (const secret of [rolePassword, pg.password]) expect(shown(apply)).not.toContain(secret);
    expect(psql(`SELECT rolcreatedb, rolconnlimit FROM pg_roles WHERE rolname = ${literal(role)}`)).toBe("t|4");
    expect(psql("SELECT current_user", { user: role, password: rolePassword })).toBe(role);
    expect(
      psql(`SELECT pg_get_userbyid(datdba), datconnlimit FROM pg_database WHERE datname = ${literal(database)}`),
    ).toBe(`${role}|7`);
    const again = await run("plan", only, "drift-again");
    expect(statuses(again.report)).toEqual({ role: "unchanged", database: "unchanged" });
  }, 240_000);

  test("an existing database with another encoding is an error naming it, and nothing is changed", async () => {
    const wrong = writeDeploy(
      "postgres-encoding.ts",
      `postgres.database({ name: "database", database: ${JSON.stringify(database)}, encoding: "UTF8", ...c });\n`,
    );
    const plan = await run("plan", wrong, "encoding");
    expect(plan.exitCode).not.toBe(0);
    expect(`${plan.stdout}${plan.stderr}`).toContain(
      `database ${database} exists with encoding SQL_ASCII (asked: UTF8); PostgreSQL cannot change these after creation`,
    );
    expect(psql(`SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = ${literal(database)}`)).toBe(
      "SQL_ASCII",
    );
  }, 120_000);

  test("a wrong psql_password: cannot tell, saying why, and the password is not shown", async () => {
    const wrongPassword = `wrong-${randomBytes(8).toString("hex")}`;
    const plan = await run("plan", deploy, "wrong-password", { psql_password: wrongPassword });
    expect(plan.exitCode).not.toBe(0);
    expect(`${plan.stdout}${plan.stderr}`).toContain(`password authentication failed for user "${pg.user}"`);
    expect(shown(plan)).not.toContain(wrongPassword);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  test("a role that may not read password hashes sets its own password on every run", async () => {
    const self = writeDeploy(
      "postgres-self.ts",
      `postgres.role({ name: "role", role: ${JSON.stringify(role)}, password: ${JSON.stringify(rolePassword)}, createdb: true, connection_limit: 4, ...c });\n`,
    );
    const data = { psql_user: role, psql_password: rolePassword };
    const apply = await run("apply", self, "self-apply", data);
    expect(apply.exitCode, `${apply.stdout}\n${apply.stderr}`).toBe(0);
    expect(statuses(apply.report)).toEqual({ role: "changed" });
    expect(apply.stdout).toContain("password set");
    expect(shown(apply)).not.toContain(rolePassword);
    expect(psql("SELECT current_user", { user: role, password: rolePassword })).toBe(role);
    const again = await run("plan", self, "self-again", data);
    expect(statuses(again.report)).toEqual({ role: "changed" });
    expect(shown(again)).not.toContain(rolePassword);
  }, 120_000);

  test("present: false drops the databases and the role, then nothing to change", async () => {
    const drop = writeDeploy(
      "postgres-drop.ts",
      `postgres.database({ name: "database", database: ${JSON.stringify(database)}, present: false, ...c });
postgres.database({ name: "copy", database: ${JSON.stringify(copy)}, present: false, ...c });
postgres.role({ role: ${JSON.stringify(role)}, present: false, ...c });
`,
    );
    const apply = await run("apply", drop, "drop-apply");
    expect(apply.exitCode, `${apply.stdout}\n${apply.stderr}`).toBe(0);
    // Unnamed, an operation is labelled with its role or database.
    expect(statuses(apply.report)).toEqual({
      database: "changed",
      copy: "changed",
      [`postgres.role ${role}`]: "changed",
    });
    expect(psql(`SELECT count(*) FROM pg_roles WHERE rolname = ${literal(role)}`)).toBe("0");
    expect(psql(`SELECT count(*) FROM pg_database WHERE datname IN (${literal(database)}, ${literal(copy)})`)).toBe(
      "0",
    );
    const again = await run("plan", drop, "drop-again");
    expect(statuses(again.report)).toEqual({
      database: "unchanged",
      copy: "unchanged",
      [`postgres.role ${role}`]: "unchanged",
    });
  }, 240_000);
});

describe("hostile role and database names", () => {
  const canary = `/tmp/ia-canary-pg-${tag}`;
  // Each tries to run `touch CANARY` (or to end the SQL) when quoted wrongly anywhere on its way.
  const names = [
    `space name ${tag}`,
    `quote'single ${tag}`,
    `quote"double ${tag}`,
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `;touch ${canary}`,
    `x"; DROP ROLE ${pg.user}; --${tag}`,
    `x'); DROP ROLE ${pg.user}; --${tag}`,
    `-rf${tag}`,
    `new\nline touch ${canary}`,
    `$HOME\${IFS}%s%n\\\\back:${tag}`,
    `{file:sql} :x :'y' ${tag}`,
  ];
  const list = (values: string[]) => values.map(literal).join(", ");
  const deploy = writeDeploy(
    "postgres-hostile.ts",
    `const names = host.data.names as string[];
const present = host.data.present as boolean;
for (const [i, name] of names.entries()) {
  if (present) postgres.role({ name: \`role \${i}\`, role: name, password: name + "-password", ...c });
  postgres.database({ name: \`database \${i}\`, database: name, present, ...(present ? { owner: name } : {}), ...c });
  if (!present) postgres.role({ name: \`role \${i}\`, role: name, present: false, ...c });
}
`,
  );
  afterAll(() => {
    for (const name of names) psql(`DROP DATABASE IF EXISTS ${ident(name)}; DROP ROLE IF EXISTS ${ident(name)};`);
    rmSync(canary, { force: true });
  });

  test("each name arrives literally (roles log in with their passwords), nothing hidden in them runs, and all go again", async () => {
    const first = await run("apply", deploy, "hostile-apply", { names, present: true });
    expect(first.exitCode, `${first.stdout}\n${first.stderr}`).toBe(0);
    expect(existsSync(canary)).toBe(false);
    expect(psql(`SELECT count(*) FROM pg_roles WHERE rolname IN (${list(names)})`)).toBe(String(names.length));
    expect(
      psql(`SELECT count(*) FROM pg_database WHERE datname IN (${list(names)}) AND pg_get_userbyid(datdba) = datname`),
    ).toBe(String(names.length));
    expect(psql(`SELECT count(*) FROM pg_roles WHERE rolname = ${literal(pg.user)}`)).toBe("1");
    for (const name of [names[1], names[6], names[9]] as string[])
      expect(psql("SELECT current_user", { user: name, password: `${name}-password` })).toBe(name);
    const second = await run("plan", deploy, "hostile-second", { names, present: true });
    expect(new Set(Object.values(statuses(second.report)))).toEqual(new Set(["unchanged"]));

    const drop = await run("apply", deploy, "hostile-drop", { names, present: false });
    expect(drop.exitCode, `${drop.stdout}\n${drop.stderr}`).toBe(0);
    expect(psql(`SELECT count(*) FROM pg_roles WHERE rolname IN (${list(names)})`)).toBe("0");
    expect(psql(`SELECT count(*) FROM pg_database WHERE datname IN (${list(names)})`)).toBe("0");
    expect(existsSync(canary)).toBe(false);
  }, 300_000);
});
