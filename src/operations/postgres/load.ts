// postgres.load: run a SQL file of the host (a dump) with psql, stopping at the first error (always a change).

import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation } from "../operation.js";
import { rejectUnknown, requiredString } from "../shared/args.js";
import { connectionKeys, psqlApplyLine, psqlRun, readConnection, readName } from "../shared/psql.js";

export const load = defineOperation({
  name: "postgres.load",
  description: "Load a SQL file of the host into a PostgreSQL database with psql (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["src", "database", ...connectionKeys], "postgres.load");
    return { src: requiredString(args, "src"), database: readName(args, "database"), connection: readConnection(args) };
  },
  facts: () => [],
  plan: (args) =>
    change(psqlRun(args.connection, `${psqlApplyLine(args.connection, args.database)} -q < ${shellQuote(args.src)}`), {
      reason: `load ${args.src}`,
    }),
});
