// mysql.database: a MySQL/MariaDB database with its character set and collation (or no such database),
// and optionally a user's privileges on it.
import { type MysqlDatabaseInfo, MysqlDatabases, MysqlUserGrants } from "../../facts/mysql.js";
import { sqlIdentifier } from "../../util/mysql-sql.js";
import { change, defineOperation, type FactNeed, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalString,
  rejectUnknown,
  requiredString,
  stringList,
} from "../shared/args.js";
import { connectionKeys, readConnection, type Statement, sqlCommands, statement } from "./connection.js";
import { grantsFactArgs, planGrants, readPrivileges, targetKey } from "./grants.js";

export const database = defineOperation({
  name: "mysql.database",
  description:
    "Make sure a MySQL database exists (with its character set and collation) or does not; optionally grant a user privileges on it.",
  validate: (args) => {
    rejectUnknown(
      args,
      ["database", "present", "collate", "charset", "user", "user_hostname", "user_privileges", ...connectionKeys],
      "mysql.database",
    );
    const user = optionalString(args, "user");
    return {
      database: requiredString(args, "database"),
      present: booleanArg(args, "present", true),
      collate: charsetName(args, "collate"),
      charset: charsetName(args, "charset"),
      user,
      hostname: optionalString(args, "user_hostname") ?? "localhost",
      privileges: readPrivileges(
        args.user_privileges === undefined ? ["ALL"] : stringList(args, "user_privileges"),
        "user_privileges",
        false,
      ),
      connection: readConnection(args),
    };
  },
  facts: (args) => {
    const needs: FactNeed[] = [{ fact: MysqlDatabases, args: args.connection }];
    if (args.present && args.user !== undefined)
      needs.push({ fact: MysqlUserGrants, args: grantsFactArgs({ ...args, user: args.user }) });
    return needs;
  },
  plan: (args, facts) => {
    const db = sqlIdentifier(args.database);
    const current = facts.get(MysqlDatabases, args.connection)[args.database];
    if (!args.present)
      return current
        ? change(sqlCommands(args.connection, [statement(`DROP DATABASE ${db}`)]), { reason: `drop ${args.database}` })
        : noop(`mysql database ${args.database} does not exist`);
    const statements: Statement[] = [];
    const summary: string[] = [];
    const options = [
      args.charset && !sameName(current?.character_set, args.charset) ? `CHARACTER SET ${args.charset}` : "",
      args.collate && !sameName(current?.collation_name, args.collate) ? `COLLATE ${args.collate}` : "",
    ].filter(Boolean);
    if (!current) {
      statements.push(statement(`CREATE DATABASE ${db}${options.length ? ` ${options.join(" ")}` : ""}`));
      summary.push(`create ${args.database}`);
    } else if (options.length) {
      statements.push(statement(`ALTER DATABASE ${db} ${options.join(" ")}`));
      summary.push(`${args.database}: ${describeDefaults(current)} → ${options.join(" ")}`);
    }
    if (args.user !== undefined && args.privileges.length) {
      const target = { database: args.database, table: "*" };
      const grants = facts.get(MysqlUserGrants, grantsFactArgs({ ...args, user: args.user }))[targetKey(target)] ?? [];
      const changes = planGrants(args.user, args.hostname, target, args.privileges, grants);
      if (changes.length) summary.push(`${args.user}@${args.hostname}: ${args.privileges.join(", ")}`);
      statements.push(...changes);
    }
    if (statements.length === 0) return noop(`mysql database ${args.database} exists with the requested settings`);
    return change(sqlCommands(args.connection, statements), { reason: summary.join(", ") });
  },
});

// A character set or collation name (letters, digits, _): it goes into SQL as a word.
function charsetName(args: Record<string, unknown>, key: string): string | undefined {
  const value = optionalString(args, key);
  if (value !== undefined && !/^[A-Za-z0-9_]+$/.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(value)} is not a ${key === "charset" ? "character set" : "collation"} name (letters, digits and _, such as "utf8mb4").`,
    );
  return value;
}

// Whether the server's name is the wanted one: case aside, and "utf8" being the server's "utf8mb3".
function sameName(current: string | undefined, wanted: string): boolean {
  if (current === undefined) return false;
  const norm = (name: string) => name.toLowerCase().replace(/^utf8(?=$|_)/, "utf8mb3");
  return norm(current) === norm(wanted);
}

// "utf8mb4/utf8mb4_general_ci".
function describeDefaults(info: MysqlDatabaseInfo): string {
  return `${info.character_set}/${info.collation_name}`;
}
