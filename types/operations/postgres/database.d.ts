export declare const database: import("../operation.js").Operation<{
    database: string;
    present: boolean;
    owner: string | undefined;
    template: string | undefined;
    encoding: string | undefined;
    lcCollate: string | undefined;
    lcCtype: string | undefined;
    tablespace: string | undefined;
    connectionLimit: number | undefined;
    connection: import("../../facts/psql.js").PsqlConnection;
}, undefined>;
