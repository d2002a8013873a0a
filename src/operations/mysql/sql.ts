// mysql.sql: run SQL with the mysql client (always a change: infra-action cannot know what it does).
import { change, defineOperation } from "../operation.js";
import { optionalString, rejectUnknown, requiredString } from "../shared/args.js";
import { connectionKeys, readConnection, sqlCommands, statement } from "./connection.js";

export const sql = defineOperation({
  name: "mysql.sql",
  description: "Run SQL with the mysql client (always a change: infra-action cannot know what it does).",
  validate: (args) => {
    rejectUnknown(args, ["sql", "database", ...connectionKeys], "mysql.sql");
    return {
      sql: requiredString(args, "sql"),
      database: optionalString(args, "database"),
      connection: readConnection(args),
    };
  },
  facts: () => [],
  plan: (args) => change(sqlCommands(args.connection, [statement(args.sql)], args.database)),
});
