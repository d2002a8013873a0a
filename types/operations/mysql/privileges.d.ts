export declare const privileges: import("../operation.js").Operation<{
    user: string;
    hostname: string;
    privileges: string[];
    database: string;
    table: string;
    flush: boolean;
    connection: import("../../util/mysql-sql.js").MysqlConnection;
}, undefined>;
