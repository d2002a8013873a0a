export declare const load: import("../operation.js").Operation<{
    src: string;
    database: string | undefined;
    connection: import("../../util/mysql-sql.js").MysqlConnection;
}, undefined>;
