/** The TLS requirement wanted: none asked, or the ssl_type (and X509 details) the account must have. */
interface Requirement {
    type: "" | "ANY" | "X509" | "SPECIFIED";
    cipher: string;
    issuer: string;
    subject: string;
}
export declare const user: import("../operation.js").Operation<{
    user: string;
    present: boolean;
    hostname: string;
    password: string | undefined;
    privileges: string[] | undefined;
    requirement: Requirement | undefined;
    limits: Partial<Record<"max_connections" | "max_queries_per_hour" | "max_updates_per_hour" | "max_connections_per_hour", number>>;
    connection: import("../../util/mysql-sql.js").MysqlConnection;
}, undefined>;
export {};
