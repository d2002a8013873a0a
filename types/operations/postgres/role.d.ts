export declare const role: import("../operation.js").Operation<{
    role: string;
    present: boolean;
    password: string | undefined;
    attributes: Record<"login" | "superuser" | "inherit" | "createdb" | "createrole" | "replication", boolean>;
    connectionLimit: number | undefined;
    connection: import("../../facts/psql.js").PsqlConnection;
}, undefined>;
export declare function passwordMatches(hash: string, password: string, name: string): boolean;
