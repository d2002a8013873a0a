// mysql.load: a .sql file on the host run by the mysql client, optionally in one database (always a change).
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { optionalString, rejectUnknown, requiredString } from "../shared/args.js";
import { clientCommands, connectionKeys, readConnection } from "./connection.js";

export const load = defineOperation({
  name: "mysql.load",
  description: "Load a .sql file on the host into MySQL with the mysql client (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["src", "database", ...connectionKeys], "mysql.load");
    return {
      src: requiredString(args, "src"),
      database: optionalString(args, "database"),
      connection: readConnection(args),
    };
  },
  facts: () => [],
  plan: (args) => {
    const db = args.database === undefined ? "" : ` ${shellQuote(`--database=${args.database}`)}`;
    const commands = clientCommands(
      args.connection,
      "mysql",
      (client) => `${client}${db} -B < ${shellQuote(args.src)}`,
      [],
      args.src,
    );
    return change(commands, { reason: `load ${args.src}${args.database ? ` into ${args.database}` : ""}` });
  },
});
