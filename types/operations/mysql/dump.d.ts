export declare const dump: import("../operation.js").Operation<{
    dest: string;
    database: string | undefined;
    connection: import("../../util/mysql-sql.js").MysqlConnection;
}, undefined>;
