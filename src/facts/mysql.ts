// Facts about a MySQL/MariaDB server, read with the `mysql` client: its databases, its users and a
// user's grants. The connection password reaches the client through a private option file that the
// command writes with the shell's printf (a builtin: never on a command line) and removes on exit.
import { clientOptions, type MysqlConnection, passwordOptionFile, sqlAccount } from "../util/mysql-sql.js";
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, type FactArgument, lines, unreadable } from "./fact.js";
import { stderrCause } from "./stderr.js";

/** The arguments of MysqlDatabases and MysqlUsers: how to reach the server. */
export type MysqlFactArgs = MysqlConnection;

/** The arguments of MysqlUserGrants: the account, and how to reach the server. */
export interface MysqlUserGrantsArgs extends MysqlConnection {
  /** The account's user name. */
  user: string;
  /** The account's host part. Default "localhost". */
  hostname?: string;
}

/** A database's defaults, as MysqlDatabases gives them. */
export interface MysqlDatabaseInfo {
  /** Its default character set ("utf8mb4"). */
  character_set: string;
  /** Its default collation ("utf8mb4_general_ci"). */
  collation_name: string;
}

/** An account, as MysqlUsers gives it (its password hash is never read into the value). */
export interface MysqlUserInfo {
  /** The user name. */
  user: string;
  /** The host part. */
  host: string;
  /** Global privileges from mysql.user's *_priv columns that are "Y", by column name ("Select", "Grant"). */
  privileges: string[];
  /** "" (none), "ANY" (REQUIRE SSL), "X509" or "SPECIFIED" (cipher, issuer or subject). */
  ssl_type: string;
  ssl_cipher: string;
  x509_issuer: string;
  x509_subject: string;
  /** MAX_QUERIES_PER_HOUR. */
  max_questions: number | null;
  /** MAX_UPDATES_PER_HOUR. */
  max_updates: number | null;
  /** MAX_CONNECTIONS_PER_HOUR. */
  max_connections: number | null;
  /** MAX_USER_CONNECTIONS. */
  max_user_connections: number | null;
  /** The authentication plugin ("mysql_native_password"), "" when the server has no such column. */
  plugin: string;
  password_expired: boolean;
  is_role: boolean;
}

// The connection arguments every mysql fact takes.
const connectionArguments: Record<keyof MysqlConnection, FactArgument> = {
  mysql_user: { type: "string", description: "the user to log in as" },
  mysql_password: { type: "string", description: "its password (reaches the client in a private file)" },
  mysql_host: { type: "string", description: "the server's host name or address" },
  mysql_port: { type: "string", description: "the server's TCP port" },
};

// The command running one SQL statement with `mysql -B` (tab-separated, a header line, escapes).
export function mysqlFactCommand(connection: MysqlConnection, sql: string): string {
  const options = clientOptions(connection).join(" ");
  const run = (extra: string) =>
    ["mysql", extra, options, "-B", "-e", shellQuote(sql)].filter((part) => part !== "").join(" ");
  if (connection.mysql_password === undefined) return run("");
  return [
    "f=$(mktemp) || exit 1",
    `trap 'rm -f "$f"' EXIT`,
    `printf '%s' ${shellQuote(passwordOptionFile(connection.mysql_password))} > "$f" || exit 1`,
    run('--defaults-extra-file="$f"'),
  ].join("; ");
}

// A value of `mysql -B` output with its escapes undone (\t, \n, \\, \0); NULL stays the text "NULL".
export function unescapeBatch(text: string): string {
  return text.replace(/\\([0bnrt\\])/g, (_, c: string) =>
    c === "0" ? "\0" : c === "b" ? "\b" : c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : "\\",
  );
}

// `mysql -B` output as rows keyed by the header's column names.
export function parseBatchTable(stdout: string): Array<Record<string, string>> {
  const [header, ...rows] = stdout.split("\n").filter((line) => line !== "");
  if (header === undefined) return [];
  const columns = header.split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    const record = emptyRecord<string>();
    columns.forEach((column, i) => {
      record[column] = unescapeBatch(cells[i] ?? "");
    });
    return record;
  });
}

// Why the client failed: its ERROR line ("ERROR 1045 (28000): Access denied …") or the shell's.
function clientCause(stderr: string): string {
  const error = lines(stderr).find((line) => line.startsWith("ERROR "));
  return error ?? stderrCause(stderr);
}

/** The databases of a server, by name, with their default character set and collation. */
export const MysqlDatabases = defineFact<MysqlFactArgs, Record<string, MysqlDatabaseInfo>>({
  name: "MysqlDatabases",
  description: "the databases of a MySQL/MariaDB server with their character set and collation",
  arguments: connectionArguments,
  command: (args) =>
    mysqlFactCommand(
      args ?? {},
      "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA",
    ),
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(`cannot list the MySQL databases: ${clientCause(stderr)}`);
    const databases = emptyRecord<MysqlDatabaseInfo>();
    for (const row of parseBatchTable(stdout)) {
      const name = row.SCHEMA_NAME;
      if (name === undefined) continue;
      databases[name] = {
        character_set: row.DEFAULT_CHARACTER_SET_NAME ?? "",
        collation_name: row.DEFAULT_COLLATION_NAME ?? "",
      };
    }
    return databases;
  },
});

// Columns of mysql.user that hold password hashes: read by `SELECT *` (their names differ between
// MySQL and MariaDB versions) but never kept in the value.
const secretColumns = new Set(["Password", "authentication_string"]);

// A whole number, or null for anything else.
function toCount(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/** The accounts of a server, by "user@host", with their global privileges, TLS requirements and limits. */
export const MysqlUsers = defineFact<MysqlFactArgs, Record<string, MysqlUserInfo>>({
  name: "MysqlUsers",
  description: "the accounts of a MySQL/MariaDB server with their privileges, TLS requirements and limits",
  arguments: connectionArguments,
  command: (args) => mysqlFactCommand(args ?? {}, "SELECT * FROM mysql.user"),
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(`cannot list the MySQL users: ${clientCause(stderr)}`);
    const users = emptyRecord<MysqlUserInfo>();
    for (const row of parseBatchTable(stdout)) {
      const user = row.User;
      const host = row.Host;
      if (user === undefined || host === undefined) continue;
      const privileges = Object.keys(row)
        .filter((column) => column.endsWith("_priv") && row[column] === "Y" && !secretColumns.has(column))
        .map((column) => column.slice(0, -"_priv".length))
        .sort();
      users[`${user}@${host}`] = {
        user,
        host,
        privileges,
        ssl_type: row.ssl_type ?? "",
        ssl_cipher: row.ssl_cipher ?? "",
        x509_issuer: row.x509_issuer ?? "",
        x509_subject: row.x509_subject ?? "",
        max_questions: toCount(row.max_questions),
        max_updates: toCount(row.max_updates),
        max_connections: toCount(row.max_connections),
        max_user_connections: toCount(row.max_user_connections),
        plugin: row.plugin ?? "",
        password_expired: row.password_expired === "Y",
        is_role: row.is_role === "Y",
      };
    }
    return users;
  },
});

/**
 * A user's grants by target as the server prints it ("*.*", "`shop`.*", "`shop`.`orders`"): the
 * privileges granted there, sorted ("GRANT OPTION" for WITH GRANT OPTION). An account without grants,
 * or that does not exist, gives {}.
 */
export const MysqlUserGrants = defineFact<MysqlUserGrantsArgs, Record<string, string[]>>({
  name: "MysqlUserGrants",
  description: "a MySQL/MariaDB account's privileges by database.table",
  arguments: {
    user: { type: "string", required: true, description: "the account's user name" },
    hostname: { type: "string", description: 'the account\'s host part (default "localhost")' },
    ...connectionArguments,
  },
  command: ({ user, hostname, ...connection }) =>
    mysqlFactCommand(connection, `SHOW GRANTS FOR ${sqlAccount(user, hostname ?? "localhost")}`),
  parse: ({ stdout, stderr, exitCode }, { user, hostname }) => {
    // ERROR 1141: "There is no such grant defined for user …": the account does not exist.
    if (exitCode !== 0 && /^ERROR 1141\b/m.test(stderr)) return emptyRecord<string[]>();
    if (exitCode !== 0)
      return unreadable(`cannot read the grants of ${user}@${hostname ?? "localhost"}: ${clientCause(stderr)}`);
    const grants = emptyRecord<Set<string>>();
    for (const row of stdout.split("\n").slice(1)) {
      const grant = parseGrant(unescapeBatch(row));
      if (!grant) continue;
      grants[grant.target] ??= new Set();
      for (const privilege of grant.privileges) grants[grant.target]?.add(privilege);
    }
    const result = emptyRecord<string[]>();
    for (const [target, set] of Object.entries(grants)) result[target] = [...set].sort();
    return result;
  },
});

// One `GRANT … ON target TO account [… WITH GRANT OPTION]` line: its privileges and target; undefined
// for other lines (roles, PROXY). Backticked names may hold any text, so the line is read piece by piece.
export function parseGrant(line: string): { privileges: string[]; target: string } | undefined {
  if (!line.startsWith("GRANT ")) return undefined;
  let i = "GRANT ".length;
  // Privileges up to " ON " (column lists in parentheses may hold backticked names).
  const privileges: string[] = [];
  let current = "";
  let depth = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === "`") {
      const end = skipQuoted(line, i, "`");
      current += line.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (depth === 0 && c === ",") {
      privileges.push(current.trim());
      current = "";
      continue;
    }
    if (depth === 0 && line.startsWith(" ON ", i)) break;
    current += c;
  }
  if (!line.startsWith(" ON ", i)) return undefined;
  privileges.push(current.trim());
  i += " ON ".length;
  // The target: *.*, `db`.*, `db`.`table` (FUNCTION/PROCEDURE targets are kept with their keyword).
  const targetStart = i;
  while (i < line.length && !line.startsWith(" TO ", i)) {
    if (line[i] === "`" || line[i] === "'") i = skipQuoted(line, i, line[i] as string);
    else i++;
  }
  if (!line.startsWith(" TO ", i)) return undefined;
  const target = line.slice(targetStart, i);
  if (target.startsWith("'") || target.includes("@")) return undefined; // GRANT PROXY ON 'user'@'host'
  i += " TO ".length;
  // The account (`user`@`host` or 'user'@'host'), then the options.
  for (let part = 0; part < 2 && i < line.length; part++) {
    if (line[i] === "`" || line[i] === "'") i = skipQuoted(line, i, line[i] as string);
    if (part === 0 && line[i] === "@") i++;
  }
  // The options (REQUIRE, IDENTIFIED BY, WITH …), their quoted strings left out.
  const options = line.slice(i).replace(/'(?:[^'\\]|\\.|'')*'/g, "''");
  if (/\bWITH\b.*\bGRANT OPTION\b/.test(options)) privileges.push("GRANT OPTION");
  return { privileges: privileges.filter(Boolean), target };
}

// The index after a quoted name starting at `start` (the quote doubled inside stays in the name;
// single-quoted strings may also hold backslash escapes).
function skipQuoted(line: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < line.length) {
    if (quote === "'" && line[i] === "\\") {
      i += 2;
      continue;
    }
    if (line[i] === quote) {
      if (line[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return line.length;
}
