// PostgreSQL facts read with psql: roles, databases, and a role's stored password hash. The server
// prints each answer as one JSON document, so names holding quotes, "|" or newlines parse as they are.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, type FactArgument, unreadable } from "./fact.js";
import { type PsqlConnection, psqlCommandLine, withPgpassForFact } from "./psql.js";
import { stderrCause } from "./stderr.js";

/** A PostgreSQL role as the PostgresRoles fact gives it (pg_roles, without the "rol" prefix). */
export interface PostgresRole {
  /** Superuser. */
  super: boolean;
  /** Inherits the privileges of the roles it is a member of. */
  inherit: boolean;
  /** May create roles. */
  createrole: boolean;
  /** May create databases. */
  createdb: boolean;
  /** May log in. */
  canlogin: boolean;
  /** May start replication. */
  replication: boolean;
  /** Bypasses row-level security. */
  bypassrls: boolean;
  /** Concurrent connections allowed; -1 for no limit. */
  connlimit: number;
  /** When its password stops being valid (the server's text), or null. */
  validuntil: string | null;
  /** Its object id. */
  oid: number;
}

/** A PostgreSQL database as the PostgresDatabases fact gives it. */
export interface PostgresDatabase {
  /** The owning role's name. */
  owner: string;
  /** The character encoding, "UTF8". */
  encoding: string;
  /** LC_COLLATE, "C.UTF-8". */
  collate: string;
  /** LC_CTYPE. */
  ctype: string;
  /** The default tablespace's name, "pg_default". */
  tablespace: string;
  /** Concurrent connections allowed; -1 for no limit. */
  connlimit: number;
  /** Whether it is a template (CREATE DATABASE … TEMPLATE may name it). */
  istemplate: boolean;
  /** Whether it accepts connections. */
  allowconn: boolean;
}

// The connection arguments every postgres fact takes (the operations' psql_* arguments).
const connectionArguments: Record<keyof PsqlConnection, FactArgument> = {
  psql_user: { type: "string", description: "the role psql logs in as" },
  psql_password: { type: "string", description: "that role's password (passed in a private file)" },
  psql_host: { type: "string", description: "the server's host name or address" },
  psql_port: { type: "string", description: "the server's port" },
  psql_database: { type: "string", description: "the database psql connects to" },
};

// psql printing one query's single value, unaligned, without headers or row counts.
function queryCommand(connection: PsqlConnection, sql: string): string {
  return withPgpassForFact(connection, `${psqlCommandLine(connection)} -A -t -q -c ${shellQuote(sql)}`);
}

// Why psql failed: its "FATAL:"/"ERROR:" line, else its "psql: error:" line (libpq adds hints after
// them), else stderr's own cause.
export function psqlCause(stderr: string): string {
  const all = stderr.split("\n").map((l) => l.trim());
  const line = all.find((l) => /\b(FATAL|ERROR):/.test(l)) ?? all.find((l) => l.startsWith("psql: error:"));
  return line ? line.replace(/^psql:\s*(error:\s*)?/, "").replace(/\s+/g, " ") : stderrCause(stderr);
}

// The JSON the query printed, or undefined when it is not JSON (never throws).
function parseJson(stdout: string): unknown {
  try {
    return JSON.parse(stdout.trim());
  } catch {
    return undefined;
  }
}

// A JSON object by name, with own keys only (a role may be called "__proto__").
function namedRecord<V>(value: unknown): Record<string, V> {
  const result = emptyRecord<V>();
  if (value === null || typeof value !== "object" || Array.isArray(value)) return result;
  for (const [name, item] of Object.entries(value)) result[name] = item as V;
  return result;
}

const rolesQuery =
  "SELECT coalesce(json_object_agg(rolname, json_build_object('super', rolsuper, 'inherit', rolinherit, " +
  "'createrole', rolcreaterole, 'createdb', rolcreatedb, 'canlogin', rolcanlogin, 'replication', rolreplication, " +
  "'bypassrls', rolbypassrls, 'connlimit', rolconnlimit, 'validuntil', rolvaliduntil, 'oid', oid::int8)), '{}'::json) " +
  "FROM pg_catalog.pg_roles";

/**
 * PostgreSQL roles by name, with their attributes (pg_roles).
 * `await host.getFact("PostgresRoles", { psql_user: "postgres" })`; every argument optional.
 */
export const PostgresRoles = defineFact<PsqlConnection, Record<string, PostgresRole>>({
  name: "PostgresRoles",
  description: "PostgreSQL roles and their attributes (psql)",
  arguments: connectionArguments,
  command: (connection) => queryCommand(connection, rolesQuery),
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(`cannot list PostgreSQL roles: ${psqlCause(stderr)}`);
    return namedRecord<PostgresRole>(parseJson(stdout));
  },
});

const databasesQuery =
  "SELECT coalesce(json_object_agg(d.datname, json_build_object('owner', pg_catalog.pg_get_userbyid(d.datdba), " +
  "'encoding', pg_catalog.pg_encoding_to_char(d.encoding), 'collate', d.datcollate, 'ctype', d.datctype, " +
  "'tablespace', t.spcname, 'connlimit', d.datconnlimit, 'istemplate', d.datistemplate, 'allowconn', d.datallowconn)), " +
  "'{}'::json) FROM pg_catalog.pg_database d LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = d.dattablespace";

/**
 * PostgreSQL databases by name, with owner, encoding, locale, tablespace and connection limit.
 * `await host.getFact("PostgresDatabases", { psql_user: "postgres" })`; every argument optional.
 */
export const PostgresDatabases = defineFact<PsqlConnection, Record<string, PostgresDatabase>>({
  name: "PostgresDatabases",
  description: "PostgreSQL databases with owner, encoding, locale and limits (psql)",
  arguments: connectionArguments,
  command: (connection) => queryCommand(connection, databasesQuery),
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(`cannot list PostgreSQL databases: ${psqlCause(stderr)}`);
    return namedRecord<PostgresDatabase>(parseJson(stdout));
  },
});

/** The arguments of the PostgresRolePassword fact: the role and the connection. */
export interface PostgresRolePasswordArgs extends PsqlConnection {
  /** The role's name. */
  role: string;
}

// A SQL string literal: 'it''s' (standard_conforming_strings is on since PostgreSQL 9.1).
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// A SQL identifier: "my ""role""" (any name, quoted).
export function sqlIdentifier(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * A role's stored password hash (pg_authid; "SCRAM-SHA-256$…" or "md5…"), null when it has none or
 * does not exist. Only a superuser may read it: others get "cannot read".
 * `await host.getFact("PostgresRolePassword", { role: "app", psql_user: "postgres" })`.
 */
export const PostgresRolePassword = defineFact<PostgresRolePasswordArgs, string | null>({
  name: "PostgresRolePassword",
  description: "a PostgreSQL role's stored password hash (psql, as a superuser)",
  arguments: { role: { type: "string", required: true, description: "the role's name" }, ...connectionArguments },
  command: ({ role, ...connection }) =>
    queryCommand(
      connection,
      `SELECT json_build_object('hash', rolpassword) FROM pg_catalog.pg_authid WHERE rolname = ${sqlLiteral(role)}`,
    ),
  parse: ({ stdout, stderr, exitCode }, { role }) => {
    if (exitCode !== 0) return unreadable(`cannot read the password of PostgreSQL role ${role}: ${psqlCause(stderr)}`);
    const value = parseJson(stdout);
    if (value === null || typeof value !== "object") return null;
    const hash = (value as { hash?: unknown }).hash;
    return typeof hash === "string" ? hash : null;
  },
});
