// mysql.privileges: exactly the given privileges for user@host on database.table (others there revoked).
import { MysqlUserGrants } from "../../facts/mysql.js";
import { change, defineOperation, noop } from "../operation.js";
import {
  booleanArg,
  OperationArgumentError,
  optionalString,
  rejectUnknown,
  requiredString,
  stringList,
} from "../shared/args.js";
import { connectionKeys, readConnection, sqlCommands, statement } from "./connection.js";
import { grantsFactArgs, planGrants, readPrivileges, targetKey } from "./grants.js";

export const privileges = defineOperation({
  name: "mysql.privileges",
  description:
    "Make a MySQL user's privileges on a database or table exactly the given ones (others there are revoked).",
  validate: (args) => {
    rejectUnknown(
      args,
      ["user", "privileges", "user_hostname", "database", "table", "flush", "with_grant_option", ...connectionKeys],
      "mysql.privileges",
    );
    const withGrantOption = booleanArg(args, "with_grant_option", false);
    const database = optionalString(args, "database") ?? "*";
    const table = optionalString(args, "table") ?? "*";
    if (database === "*" && table !== "*")
      throw new OperationArgumentError(
        `argument table ${JSON.stringify(table)} needs a database: give database too (privileges on *.${table} do not exist).`,
      );
    return {
      user: requiredString(args, "user"),
      hostname: optionalString(args, "user_hostname") ?? "localhost",
      privileges: readPrivileges(stringList(args, "privileges"), "privileges", withGrantOption),
      database,
      table,
      flush: booleanArg(args, "flush", true),
      connection: readConnection(args),
    };
  },
  facts: (args) => [{ fact: MysqlUserGrants, args: grantsFactArgs(args) }],
  plan: (args, facts) => {
    const target = { database: args.database, table: args.table };
    const current = facts.get(MysqlUserGrants, grantsFactArgs(args))[targetKey(target)] ?? [];
    const statements = planGrants(args.user, args.hostname, target, args.privileges, current);
    const where = `${args.user}@${args.hostname} on ${targetKey(target)}`;
    if (statements.length === 0) return noop(`mysql privileges of ${where} are already ${describe(args.privileges)}`);
    if (args.flush) statements.push(statement("FLUSH PRIVILEGES"));
    return change(sqlCommands(args.connection, statements), {
      reason: `privileges of ${where}: ${describe(args.privileges)}`,
    });
  },
});

// "SELECT, INSERT", or "none".
function describe(list: string[]): string {
  return list.length ? list.join(", ") : "none";
}
