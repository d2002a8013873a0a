export declare const database: import("../operation.js").Operation<{
    database: string;
    present: boolean;
    collate: string | undefined;
    charset: string | undefined;
    user: string | undefined;
    hostname: string;
    privileges: string[];
    connection: import("../../util/mysql-sql.js").MysqlConnection;
}, undefined>;
