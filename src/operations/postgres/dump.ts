// postgres.dump: dump a PostgreSQL database into a SQL file with pg_dump (always a change).

import { psqlCommandLine } from "../../facts/psql.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { rejectUnknown, requiredString } from "../shared/args.js";
import { connectionKeys, psqlRun, readConnection, readName } from "../shared/psql.js";

export const dump = defineOperation({
  name: "postgres.dump",
  description: "Dump a PostgreSQL database into a SQL file with pg_dump (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["dest", "database", ...connectionKeys], "postgres.dump");
    return {
      dest: requiredString(args, "dest"),
      database: readName(args, "database"),
      connection: readConnection(args),
    };
  },
  facts: () => [],
  plan: (args) => {
    // pg_dump writes beside the destination, which is replaced only by a whole dump: a failed one
    // leaves the previous file as it was.
    const partial = `${args.dest}.infra-action-partial`;
    const pgDump = psqlCommandLine(args.connection, {
      program: "pg_dump",
      ...(args.database === undefined ? {} : { database: args.database }),
    });
    const line = `${pgDump} --file=${shellQuote(partial)} && mv -f -- ${shellQuote(partial)} ${shellQuote(args.dest)}`;
    return change(psqlRun(args.connection, line, { cleanup: [partial] }), { reason: `dump to ${args.dest}` });
  },
});
