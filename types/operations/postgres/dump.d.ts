export declare const dump: import("../operation.js").Operation<{
    dest: string;
    database: string | undefined;
    connection: import("../../facts/psql.js").PsqlConnection;
}, undefined>;
