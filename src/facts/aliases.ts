// pyinfra's names for facts infra-action names otherwise: the same command and value under pyinfra's name.
import { defineFact } from "./fact.js";
import { type PostgresDatabase, PostgresDatabases, type PostgresRole, PostgresRoles } from "./postgres.js";
import type { PsqlConnection } from "./psql.js";
import { ListeningPorts } from "./services.js";

/**
 * TCP ports with a listening socket: ListeningPorts under pyinfra's name.
 * `await host.getFact("Ports")`; no arguments.
 */
export const Ports = defineFact<undefined, number[]>({
  ...ListeningPorts,
  name: "Ports",
  description: "TCP ports with a listening socket (ListeningPorts)",
});

/**
 * PostgreSQL roles: PostgresRoles under pyinfra's older name.
 * `await host.getFact("PostgresqlRoles", { psql_user: "postgres" })`.
 */
export const PostgresqlRoles = defineFact<PsqlConnection, Record<string, PostgresRole>>({
  ...PostgresRoles,
  name: "PostgresqlRoles",
  description: "PostgreSQL roles and their attributes (PostgresRoles)",
});

/**
 * PostgreSQL databases: PostgresDatabases under pyinfra's older name.
 * `await host.getFact("PostgresqlDatabases", { psql_user: "postgres" })`.
 */
export const PostgresqlDatabases = defineFact<PsqlConnection, Record<string, PostgresDatabase>>({
  ...PostgresDatabases,
  name: "PostgresqlDatabases",
  description: "PostgreSQL databases with owner, encoding, locale and limits (PostgresDatabases)",
});
