export declare const sql: import("../operation.js").Operation<{
    sql: string;
    connection: import("../../facts/psql.js").PsqlConnection;
}, undefined>;
