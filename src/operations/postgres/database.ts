// postgres.database: a PostgreSQL database with its owner, tablespace and connection limit (or no such
// database). Encoding and locale are set when it is made; an existing one that differs is an error.

import { type PostgresDatabase, PostgresDatabases, sqlIdentifier, sqlLiteral } from "../../facts/postgres.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, OperationArgumentError, optionalString, rejectUnknown } from "../shared/args.js";
import {
  connectionKeys,
  factConnection,
  psqlApplyLine,
  psqlRun,
  readConnection,
  readConnectionLimit,
  readName,
} from "../shared/psql.js";

const databaseKeys = [
  "database",
  "present",
  "owner",
  "template",
  "encoding",
  "lc_collate",
  "lc_ctype",
  "tablespace",
  "connection_limit",
  ...connectionKeys,
];

// An encoding or locale name: letters, digits and . _ @ - only (they are quoted anyway).
function readSetting(args: Record<string, unknown>, key: string, example: string): string | undefined {
  const value = optionalString(args, key);
  if (value !== undefined && !/^[A-Za-z0-9._@-]{1,63}$/.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(value)} is not a valid name: use letters, digits and . _ @ - (e.g. "${example}").`,
    );
  return value;
}

// The checked arguments.
function validateDatabase(args: Record<string, unknown>) {
  rejectUnknown(args, databaseKeys, "postgres.database");
  return {
    database: readName(args, "database", true),
    present: booleanArg(args, "present", true),
    owner: readName(args, "owner"),
    template: readName(args, "template"),
    encoding: readSetting(args, "encoding", "UTF8"),
    lcCollate: readSetting(args, "lc_collate", "en_US.UTF-8"),
    lcCtype: readSetting(args, "lc_ctype", "en_US.UTF-8"),
    tablespace: readName(args, "tablespace"),
    connectionLimit: readConnectionLimit(args),
    connection: readConnection(args),
  };
}

export const database = defineOperation({
  name: "postgres.database",
  description: "Make sure a PostgreSQL database exists with its owner, tablespace and connection limit, or does not.",
  validate: validateDatabase,
  facts: (args) => [{ fact: PostgresDatabases, args: factConnection(args.connection) }],
  plan: (args, facts) => {
    const databases = facts.get(PostgresDatabases, factConnection(args.connection));
    const current = Object.hasOwn(databases, args.database) ? databases[args.database] : undefined;
    const id = sqlIdentifier(args.database);
    // One -c per statement: CREATE and DROP DATABASE may not run inside a transaction block.
    const run = (statements: string[]) =>
      psqlRun(
        args.connection,
        `${psqlApplyLine(args.connection)} ${statements.map((sql) => `-c ${shellQuote(sql)}`).join(" ")}`,
      );
    if (!args.present)
      return current
        ? change(run([`DROP DATABASE ${id}`]))
        : noop(`postgresql database ${args.database} does not exist`);
    if (!current) return change(run([createStatement(args)]), { reason: "create" });
    refuseFixedSettings(args, current);
    const statements: string[] = [];
    const changes: string[] = [];
    if (args.owner !== undefined && current.owner !== args.owner) {
      statements.push(`ALTER DATABASE ${id} OWNER TO ${sqlIdentifier(args.owner)}`);
      changes.push(`owner ${current.owner} → ${args.owner}`);
    }
    if (args.tablespace !== undefined && current.tablespace !== args.tablespace) {
      statements.push(`ALTER DATABASE ${id} SET TABLESPACE ${sqlIdentifier(args.tablespace)}`);
      changes.push(`tablespace ${current.tablespace} → ${args.tablespace}`);
    }
    if (args.connectionLimit !== undefined && current.connlimit !== args.connectionLimit) {
      statements.push(`ALTER DATABASE ${id} CONNECTION LIMIT ${args.connectionLimit}`);
      changes.push(`connection limit ${current.connlimit} → ${args.connectionLimit}`);
    }
    if (statements.length === 0) return noop(`postgresql database ${args.database} exists with the requested settings`);
    return change(run(statements), { reason: changes.join(", ") });
  },
});

type DatabaseArgs = ReturnType<typeof validateDatabase>;

// CREATE DATABASE with every setting given.
function createStatement(args: DatabaseArgs): string {
  const parts = [`CREATE DATABASE ${sqlIdentifier(args.database)}`];
  if (args.owner !== undefined) parts.push(`OWNER ${sqlIdentifier(args.owner)}`);
  if (args.template !== undefined) parts.push(`TEMPLATE ${sqlIdentifier(args.template)}`);
  if (args.encoding !== undefined) parts.push(`ENCODING ${sqlLiteral(args.encoding)}`);
  if (args.lcCollate !== undefined) parts.push(`LC_COLLATE ${sqlLiteral(args.lcCollate)}`);
  if (args.lcCtype !== undefined) parts.push(`LC_CTYPE ${sqlLiteral(args.lcCtype)}`);
  if (args.tablespace !== undefined) parts.push(`TABLESPACE ${sqlIdentifier(args.tablespace)}`);
  if (args.connectionLimit !== undefined) parts.push(`CONNECTION LIMIT ${args.connectionLimit}`);
  return parts.join(" ");
}

// "UTF-8", "utf8" and "UTF8" name one encoding.
function sameEncoding(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/[-_]/g, "");
  return norm(a) === norm(b);
}

// Encoding and locale are fixed when a database is made: an existing one that differs cannot be
// brought to them, which the user must hear about (not a silent success).
function refuseFixedSettings(args: DatabaseArgs, current: PostgresDatabase): void {
  const differs: string[] = [];
  if (args.encoding !== undefined && !sameEncoding(args.encoding, current.encoding))
    differs.push(`encoding ${current.encoding} (asked: ${args.encoding})`);
  if (args.lcCollate !== undefined && args.lcCollate !== current.collate)
    differs.push(`lc_collate ${current.collate} (asked: ${args.lcCollate})`);
  if (args.lcCtype !== undefined && args.lcCtype !== current.ctype)
    differs.push(`lc_ctype ${current.ctype} (asked: ${args.lcCtype})`);
  if (differs.length)
    throw new OperationArgumentError(
      `database ${args.database} exists with ${differs.join(", ")}; PostgreSQL cannot change these after creation: dump it, drop it and let postgres.database create it again, or change the arguments.`,
    );
}
