import { type PsqlConnection } from "./psql.js";
/** A PostgreSQL role as the PostgresRoles fact gives it (pg_roles, without the "rol" prefix). */
export interface PostgresRole {
    /** Superuser. */
    super: boolean;
    /** Inherits the privileges of the roles it is a member of. */
    inherit: boolean;
    /** May create roles. */
    createrole: boolean;
    /** May create databases. */
    createdb: boolean;
    /** May log in. */
    canlogin: boolean;
    /** May start replication. */
    replication: boolean;
    /** Bypasses row-level security. */
    bypassrls: boolean;
    /** Concurrent connections allowed; -1 for no limit. */
    connlimit: number;
    /** When its password stops being valid (the server's text), or null. */
    validuntil: string | null;
    /** Its object id. */
    oid: number;
}
/** A PostgreSQL database as the PostgresDatabases fact gives it. */
export interface PostgresDatabase {
    /** The owning role's name. */
    owner: string;
    /** The character encoding, "UTF8". */
    encoding: string;
    /** LC_COLLATE, "C.UTF-8". */
    collate: string;
    /** LC_CTYPE. */
    ctype: string;
    /** The default tablespace's name, "pg_default". */
    tablespace: string;
    /** Concurrent connections allowed; -1 for no limit. */
    connlimit: number;
    /** Whether it is a template (CREATE DATABASE … TEMPLATE may name it). */
    istemplate: boolean;
    /** Whether it accepts connections. */
    allowconn: boolean;
}
export declare function psqlCause(stderr: string): string;
/**
 * PostgreSQL roles by name, with their attributes (pg_roles).
 * `await host.getFact("PostgresRoles", { psql_user: "postgres" })`; every argument optional.
 */
export declare const PostgresRoles: import("./fact.js").Fact<PsqlConnection, Record<string, PostgresRole>>;
/**
 * PostgreSQL databases by name, with owner, encoding, locale, tablespace and connection limit.
 * `await host.getFact("PostgresDatabases", { psql_user: "postgres" })`; every argument optional.
 */
export declare const PostgresDatabases: import("./fact.js").Fact<PsqlConnection, Record<string, PostgresDatabase>>;
/** The arguments of the PostgresRolePassword fact: the role and the connection. */
export interface PostgresRolePasswordArgs extends PsqlConnection {
    /** The role's name. */
    role: string;
}
export declare function sqlLiteral(value: string): string;
export declare function sqlIdentifier(value: string): string;
/**
 * A role's stored password hash (pg_authid; "SCRAM-SHA-256$…" or "md5…"), null when it has none or
 * does not exist. Only a superuser may read it: others get "cannot read".
 * `await host.getFact("PostgresRolePassword", { role: "app", psql_user: "postgres" })`.
 */
export declare const PostgresRolePassword: import("./fact.js").Fact<PostgresRolePasswordArgs, string | null>;
