// Building psql and pg_dump command lines from the postgres.* connection arguments, for the postgres
// facts and operations. A password never goes on a command line: it reaches psql in a pgpass file.
import { shellQuote } from "../util/shell-quote.js";

/** How psql reaches the server: the postgres.* operations' `psql_*` arguments (unset: psql's own defaults). */
export interface PsqlConnection {
  /** The role to log in as (psql's default: the user the command runs as). */
  psql_user?: string;
  /** That role's password; passed in a private pgpass file, never on a command line. */
  psql_password?: string;
  /** The server's host name or address, or a socket directory (default: the local socket). */
  psql_host?: string;
  /** The server's port, as digits (default 5432). */
  psql_port?: string;
  /** The database to connect to (psql's default: the one named like the role). */
  psql_database?: string;
}

// Quotes a value for a libpq connection string: 'it\'s' (so a database name is never read as "key=value" pairs).
export function conninfoQuote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

// A pgpass line matching any server, database and user, with the password's `:` and `\` escaped.
export function pgpassLine(password: string): string {
  return `*:*:*:*:${password.replace(/[\\:]/g, (c) => `\\${c}`)}\n`;
}

// `psql` (or pg_dump) with the connection's options, never prompting for a password (-w) and reading no
// ~/.psqlrc (-X); `database` (the operation's target) wins over psql_database.
export function psqlCommandLine(
  connection: PsqlConnection,
  options: { program?: "psql" | "pg_dump"; database?: string } = {},
): string {
  const program = options.program ?? "psql";
  const parts = [program, program === "psql" ? "-X -w" : "-w"];
  if (connection.psql_host !== undefined) parts.push(`--host=${shellQuote(connection.psql_host)}`);
  if (connection.psql_port !== undefined) parts.push(`--port=${shellQuote(connection.psql_port)}`);
  if (connection.psql_user !== undefined) parts.push(`--username=${shellQuote(connection.psql_user)}`);
  const database = options.database ?? connection.psql_database;
  if (database !== undefined) parts.push(`--dbname=${shellQuote(`dbname=${conninfoQuote(database)}`)}`);
  return parts.join(" ");
}

// A fact's command: `command` (which uses psql) run with the password, if any, in a pgpass file made
// by mktemp (mode 600) with the shell's own printf (never a command line), removed when the fact's
// subshell ends; a connection that hangs gives up after 30 s (PGCONNECT_TIMEOUT).
export function withPgpassForFact(connection: PsqlConnection, command: string): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion.
  const timeout = 'PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-30}"';
  if (connection.psql_password === undefined) return `${timeout} ${command}`;
  return [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion.
    '__ia_pgpass=$(mktemp "${TMPDIR:-/tmp}/infra-action-pgpass-XXXXXXXX") || exit 1',
    // Removed however the fact's shell ends (it runs in a subshell of its own: the traps stay there).
    `trap 'rm -f "$__ia_pgpass"' EXIT`,
    "trap 'exit 143' HUP INT TERM",
    `printf '%s' ${shellQuote(pgpassLine(connection.psql_password))} > "$__ia_pgpass"`,
    `PGPASSFILE="$__ia_pgpass" ${timeout} ${command}`,
  ].join("; ");
}
