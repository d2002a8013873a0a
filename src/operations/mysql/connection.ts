// What every mysql.* operation shares: its connection arguments (mysql_user, mysql_password,
// mysql_host, mysql_port) and the commands that run the client with them. Secrets (the connection
// password, SQL that sets a user's password) travel in private files (mode 600) that the command moves
// into a directory of its own and removes; the plan shows the SQL with "<password set>" in their place.
import { createHash } from "node:crypto";
import { clientOptions, type MysqlConnection, passwordOptionFile } from "../../util/mysql-sql.js";
import { shellQuote } from "../../util/shell-quote.js";
import type { Command } from "../operation.js";
import { OperationArgumentError, optionalString } from "../shared/args.js";

/** The connection arguments' names. */
export const connectionKeys = ["mysql_user", "mysql_password", "mysql_host", "mysql_port"] as const;

/** One SQL statement: what runs, and what the plan shows (the same unless it holds a secret). */
export interface Statement {
  sql: string;
  shown: string;
}

// A statement without secrets.
export function statement(sql: string): Statement {
  return { sql, shown: sql };
}

// The connection arguments, checked: strings, a port from 1 to 65535; the password's value is never quoted.
export function readConnection(args: Record<string, unknown>): MysqlConnection {
  const connection: MysqlConnection = {};
  const user = optionalString(args, "mysql_user");
  const host = optionalString(args, "mysql_host");
  const password = args.mysql_password;
  if (password !== undefined && password !== null && (typeof password !== "string" || password === ""))
    throw new OperationArgumentError("argument mysql_password must be a non-empty string; the value is not shown.");
  // In the facts' argument order (user, password, host, port): fixtures key facts by their arguments.
  if (user !== undefined) connection.mysql_user = user;
  if (typeof password === "string") connection.mysql_password = password;
  if (host !== undefined) connection.mysql_host = host;
  const port = args.mysql_port;
  if (port !== undefined && port !== null) {
    const text = String(port);
    if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
      throw new OperationArgumentError(
        `argument mysql_port must be a TCP port from 1 to 65535; it is ${JSON.stringify(port)}.`,
      );
    connection.mysql_port = String(Number(text));
  }
  return connection;
}

/** A private file a command moves into its own directory before use: its content and the name there. */
interface PrivateFile {
  name: string;
  content: string;
}

// Commands that run `build(client)` where `client` is `program` with the connection's options (and the
// password's option file): the files are written (mode 600), moved into a fresh private directory
// "$d", used, and removed whatever the outcome. `key` names the staging files (never from a secret).
export function clientCommands(
  connection: MysqlConnection,
  program: "mysql" | "mysqldump",
  build: (client: string) => string,
  extraFiles: PrivateFile[] = [],
  key = "",
): Array<Command | string> {
  const files: PrivateFile[] = [...extraFiles];
  if (connection.mysql_password !== undefined)
    files.unshift({ name: "client.cnf", content: passwordOptionFile(connection.mysql_password) });
  const defaults = connection.mysql_password !== undefined ? ['--defaults-extra-file="$d/client.cnf"'] : [];
  const client = [program, ...defaults, ...clientOptions(connection)].join(" ");
  if (files.length === 0) return [build(client)];
  const { mysql_password: _secret, ...visible } = connection;
  const tag = createHash("sha256")
    .update(JSON.stringify([visible, program, key]))
    .digest("hex")
    .slice(0, 16);
  const staged = (file: PrivateFile) => `/tmp/infra-action-mysql-${tag}-${file.name}`;
  const moves = files.map((file) => `mv -f ${staged(file)} "$d/${file.name}"`).join(" && ");
  return [
    ...files.map(
      (file): Command => ({
        type: "file",
        path: staged(file),
        content: Buffer.from(file.content).toString("base64"),
        mode: "600",
        created: true,
      }),
    ),
    // The staged files are moved at once into a directory only this command knows (a second run
    // cannot remove them under it), and removed with it whatever the client does.
    `d=$(mktemp -d) || exit 1; { ${moves}; } || { rm -rf "$d"; echo "the private files of this operation were gone (taken by another run at the same time?); run it again" >&2; exit 1; }; ${build(client)}; rc=$?; rm -rf "$d"; exit $rc`,
  ];
}

// Commands running SQL statements with `mysql` (optionally in `database`). Statements holding a secret
// go in a private SQL file read on stdin; the plan shows them as `shown`.
export function sqlCommands(
  connection: MysqlConnection,
  statements: Statement[],
  database?: string,
): Array<Command | string> {
  const sql = statements.map((s) => s.sql).join(";\n");
  const shown = statements.map((s) => s.shown).join(";\n");
  const db = database === undefined ? "" : ` ${shellQuote(`--database=${database}`)}`;
  const secret = statements.some((s) => s.sql !== s.shown);
  if (!secret)
    return clientCommands(connection, "mysql", (client) => `${client}${db} -B -e ${shellQuote(sql)}`, [], shown);
  return clientCommands(
    connection,
    "mysql",
    (client) => `: ${shellQuote(shown)}; ${client}${db} -B < "$d/script.sql"`,
    [{ name: "script.sql", content: `${sql};\n` }],
    shown,
  );
}
