// MySQL/MariaDB text: quoting SQL identifiers and strings, and the `mysql` client's connection options
// (shared by the mysql facts and operations). A password never goes on a command line: it reaches the
// client through a private option file (`--defaults-extra-file`, mode 600, removed after).
import { shellQuote } from "./shell-quote.js";

/** How to reach the server: pyinfra's connection arguments (each left to the client's defaults when not given). */
export interface MysqlConnection {
  /** The user to log in as (`--user`). */
  mysql_user?: string;
  /** Its password: written to a private option file, never on a command line. */
  mysql_password?: string;
  /** The server's host name or address (`--host`; other than "localhost", over TCP). */
  mysql_host?: string;
  /** The server's TCP port (`--port`, over TCP), as text. */
  mysql_port?: string;
}

// A backtick-quoted identifier (database, table): inner backticks doubled, so any name stays one name.
export function sqlIdentifier(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

// A single-quoted SQL string: quotes doubled and backslashes escaped, so the string cannot end early
// (with or without the NO_BACKSLASH_ESCAPES mode); NUL, newlines and carriage returns as escapes.
export function sqlString(text: string): string {
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "''")
    .replace(/\0/g, "\\0")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
  return `'${escaped}'`;
}

// An account as SQL names it: 'user'@'host'.
export function sqlAccount(user: string, host: string): string {
  return `${sqlString(user)}@${sqlString(host)}`;
}

// The client's connection options after the program's name (and any --defaults-extra-file), shell-quoted:
// `--user=… --host=… --port=… --protocol=TCP`. A port, or a host other than "localhost", means TCP:
// the client would otherwise use its socket for "localhost" and ignore the port.
export function clientOptions(connection: MysqlConnection): string[] {
  const options: string[] = [];
  if (connection.mysql_user !== undefined) options.push(shellQuote(`--user=${connection.mysql_user}`));
  if (connection.mysql_host !== undefined) options.push(shellQuote(`--host=${connection.mysql_host}`));
  if (connection.mysql_port !== undefined) options.push(shellQuote(`--port=${connection.mysql_port}`));
  const host = connection.mysql_host;
  if (connection.mysql_port !== undefined || (host !== undefined && host !== "localhost"))
    options.push("--protocol=TCP");
  return options;
}

// An option file's [client] group holding the password (a double-quoted value, escaped as the
// client's option-file reader expects).
export function passwordOptionFile(password: string): string {
  const value = password
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return `[client]\npassword="${value}"\n`;
}
