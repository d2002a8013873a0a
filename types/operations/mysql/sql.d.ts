export declare const sql: import("../operation.js").Operation<{
    sql: string;
    database: string | undefined;
    connection: import("../../util/mysql-sql.js").MysqlConnection;
}, undefined>;
