import { type PostgresDatabase, type PostgresRole } from "./postgres.js";
import type { PsqlConnection } from "./psql.js";
/**
 * TCP ports with a listening socket: ListeningPorts under pyinfra's name.
 * `await host.getFact("Ports")`; no arguments.
 */
export declare const Ports: import("./fact.js").Fact<undefined, number[]>;
/**
 * PostgreSQL roles: PostgresRoles under pyinfra's older name.
 * `await host.getFact("PostgresqlRoles", { psql_user: "postgres" })`.
 */
export declare const PostgresqlRoles: import("./fact.js").Fact<PsqlConnection, Record<string, PostgresRole>>;
/**
 * PostgreSQL databases: PostgresDatabases under pyinfra's older name.
 * `await host.getFact("PostgresqlDatabases", { psql_user: "postgres" })`.
 */
export declare const PostgresqlDatabases: import("./fact.js").Fact<PsqlConnection, Record<string, PostgresDatabase>>;
