import type { MysqlUserGrantsArgs } from "../../facts/mysql.js";
import { type MysqlConnection } from "../../util/mysql-sql.js";
import { type Statement } from "./connection.js";
/** Where privileges apply: "*" or a name, for the database and the table. */
export interface GrantTarget {
    database: string;
    table: string;
}
export declare function targetKey({ database, table }: GrantTarget): string;
export declare function readPrivileges(list: string[], key: string, withGrantOption: boolean): string[];
export declare function planGrants(user: string, host: string, target: GrantTarget, wanted: string[], current: string[]): Statement[];
export declare function grantsFactArgs(args: {
    user: string;
    hostname: string;
    connection: MysqlConnection;
}): MysqlUserGrantsArgs;
