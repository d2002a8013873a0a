export declare const load: import("../operation.js").Operation<{
    src: string;
    database: string | undefined;
    connection: import("../../facts/psql.js").PsqlConnection;
}, undefined>;
