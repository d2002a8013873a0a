import { type MysqlConnection } from "../util/mysql-sql.js";
/** The arguments of MysqlDatabases and MysqlUsers: how to reach the server. */
export type MysqlFactArgs = MysqlConnection;
/** The arguments of MysqlUserGrants: the account, and how to reach the server. */
export interface MysqlUserGrantsArgs extends MysqlConnection {
    /** The account's user name. */
    user: string;
    /** The account's host part. Default "localhost". */
    hostname?: string;
}
/** A database's defaults, as MysqlDatabases gives them. */
export interface MysqlDatabaseInfo {
    /** Its default character set ("utf8mb4"). */
    character_set: string;
    /** Its default collation ("utf8mb4_general_ci"). */
    collation_name: string;
}
/** An account, as MysqlUsers gives it (its password hash is never read into the value). */
export interface MysqlUserInfo {
    /** The user name. */
    user: string;
    /** The host part. */
    host: string;
    /** Global privileges from mysql.user's *_priv columns that are "Y", by column name ("Select", "Grant"). */
    privileges: string[];
    /** "" (none), "ANY" (REQUIRE SSL), "X509" or "SPECIFIED" (cipher, issuer or subject). */
    ssl_type: string;
    ssl_cipher: string;
    x509_issuer: string;
    x509_subject: string;
    /** MAX_QUERIES_PER_HOUR. */
    max_questions: number | null;
    /** MAX_UPDATES_PER_HOUR. */
    max_updates: number | null;
    /** MAX_CONNECTIONS_PER_HOUR. */
    max_connections: number | null;
    /** MAX_USER_CONNECTIONS. */
    max_user_connections: number | null;
    /** The authentication plugin ("mysql_native_password"), "" when the server has no such column. */
    plugin: string;
    password_expired: boolean;
    is_role: boolean;
}
export declare function mysqlFactCommand(connection: MysqlConnection, sql: string): string;
export declare function unescapeBatch(text: string): string;
export declare function parseBatchTable(stdout: string): Array<Record<string, string>>;
/** The databases of a server, by name, with their default character set and collation. */
export declare const MysqlDatabases: import("./fact.js").Fact<MysqlConnection, Record<string, MysqlDatabaseInfo>>;
/** The accounts of a server, by "user@host", with their global privileges, TLS requirements and limits. */
export declare const MysqlUsers: import("./fact.js").Fact<MysqlConnection, Record<string, MysqlUserInfo>>;
/**
 * A user's grants by target as the server prints it ("*.*", "`shop`.*", "`shop`.`orders`"): the
 * privileges granted there, sorted ("GRANT OPTION" for WITH GRANT OPTION). An account without grants,
 * or that does not exist, gives {}.
 */
export declare const MysqlUserGrants: import("./fact.js").Fact<MysqlUserGrantsArgs, Record<string, string[]>>;
export declare function parseGrant(line: string): {
    privileges: string[];
    target: string;
} | undefined;
