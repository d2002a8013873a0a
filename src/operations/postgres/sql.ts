// postgres.sql: run SQL with psql (always a change: infra-action cannot know what it does).

import { sha256 } from "../../util/sha256.js";
import { change, defineOperation } from "../operation.js";
import { OperationArgumentError, rejectUnknown, requiredString } from "../shared/args.js";
import { connectionKeys, psqlApplyLine, psqlRun, readConnection } from "../shared/psql.js";

export const sql = defineOperation({
  name: "postgres.sql",
  description: "Run SQL statements with psql, stopping at the first error (always a change).",
  validate: (args) => {
    rejectUnknown(args, ["sql", ...connectionKeys], "postgres.sql");
    const text = requiredString(args, "sql");
    if (text.includes("\0")) throw new OperationArgumentError("argument sql must not hold a NUL character.");
    return { sql: text, connection: readConnection(args) };
  },
  facts: () => [],
  plan: (args) => {
    // The statements reach psql on its input (as from a file: each runs on its own, so CREATE
    // DATABASE may be one of them); the delimiter comes from their hash, so no line of them ends it.
    const delimiter = `INFRA_ACTION_SQL_${sha256(Buffer.from(args.sql)).slice(0, 16)}`;
    return change(
      psqlRun(args.connection, `${psqlApplyLine(args.connection)} -q <<'${delimiter}'`, {
        heredoc: { delimiter, body: args.sql.replace(/\n$/, "") },
      }),
    );
  },
});
