// Planning a user's privileges on one database.table: the REVOKE and GRANT statements that leave
// exactly the wanted set (shared by mysql.privileges, mysql.user and mysql.database).
import type { MysqlUserGrantsArgs } from "../../facts/mysql.js";
import { type MysqlConnection, sqlAccount, sqlIdentifier } from "../../util/mysql-sql.js";
import { OperationArgumentError } from "../shared/args.js";
import { type Statement, statement } from "./connection.js";

/** Where privileges apply: "*" or a name, for the database and the table. */
export interface GrantTarget {
  database: string;
  table: string;
}

// The target as the server prints it in SHOW GRANTS (and as MysqlUserGrants keys it): *.*, `db`.*, `db`.`t`.
export function targetKey({ database, table }: GrantTarget): string {
  const part = (name: string) => (name === "*" ? "*" : sqlIdentifier(name));
  return `${part(database)}.${part(table)}`;
}

// The privileges argument as a sorted set of upper-case names ("ALL PRIVILEGES" is "ALL"); each must be
// a privilege's name (letters and spaces): column lists and anything else are refused, naming the argument.
export function readPrivileges(list: string[], key: string, withGrantOption: boolean): string[] {
  const set = new Set<string>();
  for (const item of list) {
    const name = item.trim().replace(/\s+/g, " ").toUpperCase();
    if (!/^[A-Z]+(?: [A-Z]+)*$/.test(name))
      throw new OperationArgumentError(
        `argument ${key} has ${JSON.stringify(item)}, which is not a privilege's name (such as "SELECT", "ALL", "CREATE TEMPORARY TABLES"); column privileges need mysql.sql.`,
      );
    set.add(name === "ALL PRIVILEGES" ? "ALL" : name);
  }
  if (withGrantOption) set.add("GRANT OPTION");
  set.delete("USAGE");
  if (set.has("ALL") && [...set].some((p) => p !== "ALL" && p !== "GRANT OPTION"))
    throw new OperationArgumentError(
      `argument ${key} gives ALL with other privileges: ALL already holds them; give ALL alone (with with_grant_option if wanted).`,
    );
  return [...set].sort();
}

// The statements that take `current` (what the server granted there) to exactly `wanted`; none when they match.
export function planGrants(
  user: string,
  host: string,
  target: GrantTarget,
  wanted: string[],
  current: string[],
): Statement[] {
  const have = new Set(current.map((p) => (p === "ALL PRIVILEGES" ? "ALL" : p)).filter((p) => p !== "USAGE"));
  const want = new Set(wanted);
  const revoke = [...have].filter((p) => !want.has(p)).sort();
  const grant = [...want].filter((p) => !have.has(p)).sort();
  const on = `ON ${targetKey(target)}`;
  const account = sqlAccount(user, host);
  const named = (list: string[]) => list.map((p) => (p === "ALL" ? "ALL PRIVILEGES" : p)).join(", ");
  const statements: Statement[] = [];
  // GRANT OPTION is revoked by itself: "REVOKE ALL PRIVILEGES, GRANT OPTION" means every grant everywhere.
  const revokeOthers = revoke.filter((p) => p !== "GRANT OPTION");
  if (revoke.includes("GRANT OPTION")) statements.push(statement(`REVOKE GRANT OPTION ${on} FROM ${account}`));
  if (revokeOthers.length) statements.push(statement(`REVOKE ${named(revokeOthers)} ${on} FROM ${account}`));
  const grantOthers = grant.filter((p) => p !== "GRANT OPTION");
  const withOption = grant.includes("GRANT OPTION") ? " WITH GRANT OPTION" : "";
  if (grantOthers.length || withOption)
    statements.push(
      statement(`GRANT ${grantOthers.length ? named(grantOthers) : "USAGE"} ${on} TO ${account}${withOption}`),
    );
  return statements;
}

// The MysqlUserGrants arguments for an account reached through a connection.
export function grantsFactArgs(args: {
  user: string;
  hostname: string;
  connection: MysqlConnection;
}): MysqlUserGrantsArgs {
  return { user: args.user, hostname: args.hostname, ...args.connection };
}
