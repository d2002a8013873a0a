// The postgres.* operations' connection arguments (psql_user, psql_password, psql_host, psql_port,
// psql_database) and the commands that run psql with them. A password travels in a private file
// (mode 600, removed after), never in a command line or a plan.
import { type PsqlConnection, pgpassLine, psqlCommandLine } from "../../facts/psql.js";
import { sha256 } from "../../util/sha256.js";
import { shellQuote } from "../../util/shell-quote.js";
import type { Command } from "../operation.js";
import { OperationArgumentError, optionalString } from "./args.js";

// The connection argument names every postgres.* operation takes.
export const connectionKeys = ["psql_user", "psql_password", "psql_host", "psql_port", "psql_database"] as const;

// PostgreSQL keeps names to 63 bytes (NAMEDATALEN - 1) and cuts longer ones, which could never match.
const maxNameBytes = 63;

// A role, database or tablespace name: any text of 1 to 63 bytes without NUL (it is always quoted).
export function readName(args: Record<string, unknown>, key: string, required: true): string;
export function readName(args: Record<string, unknown>, key: string, required?: false): string | undefined;
export function readName(args: Record<string, unknown>, key: string, required = false): string | undefined {
  const value = optionalString(args, key);
  if (value === undefined || value === "") {
    if (required || value === "") throw new OperationArgumentError(`argument ${key} must be a non-empty string.`);
    return undefined;
  }
  if (value.includes("\0") || Buffer.byteLength(value) > maxNameBytes)
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(value)} is not a PostgreSQL name: use 1 to ${maxNameBytes} bytes and no NUL character.`,
    );
  return value;
}

// A password argument (never quoted in errors): a non-empty string without NUL; `oneLine` also refuses line breaks.
export function readPassword(args: Record<string, unknown>, key: string, oneLine: boolean): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value === "" || value.includes("\0") || (oneLine && /[\r\n]/.test(value)))
    throw new OperationArgumentError(
      `argument ${key} must be a non-empty string${oneLine ? " on one line" : ""} without NUL characters; the value is not shown.`,
    );
  return value;
}

// The psql_* arguments, checked: the port as digits (1-65535), the others as strings.
export function readConnection(args: Record<string, unknown>): PsqlConnection {
  const connection: PsqlConnection = {};
  const user = readName(args, "psql_user");
  if (user !== undefined) connection.psql_user = user;
  const password = readPassword(args, "psql_password", true);
  if (password !== undefined) connection.psql_password = password;
  const host = optionalString(args, "psql_host");
  if (host !== undefined) {
    if (host === "" || host.includes("\0"))
      throw new OperationArgumentError("argument psql_host must be a host name, an address or a socket directory.");
    connection.psql_host = host;
  }
  const port = args.psql_port;
  if (port !== undefined && port !== null) {
    const text = typeof port === "number" || typeof port === "string" ? String(port) : "";
    if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
      throw new OperationArgumentError("argument psql_port must be a port number from 1 to 65535, e.g. 5432.");
    connection.psql_port = String(Number(text));
  }
  const database = readName(args, "psql_database");
  if (database !== undefined) connection.psql_database = database;
  return connection;
}

// A whole number argument of at least -1 (a connection limit; -1: no limit).
export function readConnectionLimit(args: Record<string, unknown>): number | undefined {
  const value = args.connection_limit;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < -1)
    throw new OperationArgumentError(
      "argument connection_limit must be a whole number: the connections allowed at once, or -1 for no limit.",
    );
  return value;
}

/** A private file a psql command reads, removed after it: a pgpass file or SQL holding a password. */
interface PrivateFile {
  /** What it is for, in its name: "pgpass", "sql". */
  kind: string;
  /** Its content. */
  content: string;
}

// Runs `commandLine` (built with psqlCommandLine; a function of the private SQL file's quoted path
// when there is one) with the password in a pgpass file. The files are written first (mode 600; the
// plan shows only their path and rough size) and removed when the command's shell ends, with the
// `cleanup` paths. `shown` prefixes the command in the plan (": password set"); `heredoc` is its input.
export function psqlRun(
  connection: PsqlConnection,
  commandLine: string | ((sqlFile: string) => string),
  options: { sql?: string; shown?: string; cleanup?: string[]; heredoc?: { delimiter: string; body: string } } = {},
): Array<Command | string> {
  const files: PrivateFile[] = [];
  if (connection.psql_password !== undefined)
    files.push({ kind: "pgpass", content: pgpassLine(connection.psql_password) });
  if (options.sql !== undefined) files.push({ kind: "sql", content: options.sql });
  const prefix = options.shown ? `: ${options.shown}; ` : "";
  const input = options.heredoc ? `\n${options.heredoc.body}\n${options.heredoc.delimiter}` : "";
  const cleanup = options.cleanup ?? [];
  const build = typeof commandLine === "string" ? () => commandLine : commandLine;
  if (files.length === 0 && cleanup.length === 0) return [`${prefix}${build("")}${input}`];
  // The path is named after what is shown (never the secret): each command of a plan gets its own.
  const { psql_password: _, ...shownConnection } = connection;
  const id = sha256(Buffer.from(JSON.stringify([shownConnection, build("")]))).slice(0, 16);
  const pathOf = (kind: string) => `/tmp/infra-action-${kind}-${id}`;
  const writes: Command[] = files.map((f) => ({
    type: "file",
    path: pathOf(f.kind),
    content: Buffer.from(f.content).toString("base64"),
    mode: "600",
    created: true,
  }));
  const line = build(shellQuote(pathOf("sql")));
  const env = connection.psql_password !== undefined ? `PGPASSFILE=${shellQuote(pathOf("pgpass"))} ` : "";
  const remove = [...files.map((f) => pathOf(f.kind)), ...cleanup].map(shellQuote).join(" ");
  // Removed when the shell ends, also when a dropped connection or a timeout stops it (HUP, TERM).
  const trap = `trap ${shellQuote(`rm -f -- ${remove}`)} EXIT; trap 'exit 143' HUP INT TERM`;
  return [...writes, `${prefix}${trap}; ${env}${line}${input}`];
}

// psql for the operations: psqlCommandLine, stopping at the first failing statement.
export function psqlApplyLine(connection: PsqlConnection, database?: string): string {
  return `${psqlCommandLine(connection, database === undefined ? {} : { database })} -v ON_ERROR_STOP=1`;
}

// The fact arguments for a connection (the same object: the fact takes the psql_* names).
export function factConnection(connection: PsqlConnection): PsqlConnection {
  return { ...connection };
}
