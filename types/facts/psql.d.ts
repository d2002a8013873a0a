/** How psql reaches the server: the postgres.* operations' `psql_*` arguments (unset: psql's own defaults). */
export interface PsqlConnection {
    /** The role to log in as (psql's default: the user the command runs as). */
    psql_user?: string;
    /** That role's password; passed in a private pgpass file, never on a command line. */
    psql_password?: string;
    /** The server's host name or address, or a socket directory (default: the local socket). */
    psql_host?: string;
    /** The server's port, as digits (default 5432). */
    psql_port?: string;
    /** The database to connect to (psql's default: the one named like the role). */
    psql_database?: string;
}
export declare function conninfoQuote(value: string): string;
export declare function pgpassLine(password: string): string;
export declare function psqlCommandLine(connection: PsqlConnection, options?: {
    program?: "psql" | "pg_dump";
    database?: string;
}): string;
export declare function withPgpassForFact(connection: PsqlConnection, command: string): string;
