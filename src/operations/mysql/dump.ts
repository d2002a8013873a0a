// mysql.dump: a database (or every database) dumped with mysqldump into a file on the host (always a change).
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { optionalString, refuseOptionLike, rejectUnknown, requiredString } from "../shared/args.js";
import { clientCommands, connectionKeys, readConnection } from "./connection.js";

export const dump = defineOperation({
  name: "mysql.dump",
  description: "Dump a MySQL database (or all of them) into a .sql file on the host with mysqldump (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["dest", "database", ...connectionKeys], "mysql.dump");
    const database = optionalString(args, "database");
    refuseOptionLike(database, "database", "rename the database, or leave database out to dump every database.");
    return { dest: requiredString(args, "dest"), database, connection: readConnection(args) };
  },
  facts: () => [],
  plan: (args) => {
    const dest = shellQuote(args.dest);
    const partial = shellQuote(`${args.dest}.infra-action-partial`);
    const what = args.database === undefined ? "--all-databases" : shellQuote(args.database);
    // Written beside the file and moved over it once whole (a failed dump leaves the old file), mode 600.
    const commands = clientCommands(
      args.connection,
      "mysqldump",
      (client) =>
        `{ umask 077; ${client} ${what} > ${partial} && mv -f ${partial} ${dest} || { rm -f ${partial}; false; }; }`,
      [],
      args.dest,
    );
    return change(commands, { reason: `dump ${args.database ?? "every database"} to ${args.dest}` });
  },
});
