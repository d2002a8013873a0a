import { type MysqlConnection } from "../../util/mysql-sql.js";
import type { Command } from "../operation.js";
/** The connection arguments' names. */
export declare const connectionKeys: readonly ["mysql_user", "mysql_password", "mysql_host", "mysql_port"];
/** One SQL statement: what runs, and what the plan shows (the same unless it holds a secret). */
export interface Statement {
    sql: string;
    shown: string;
}
export declare function statement(sql: string): Statement;
export declare function readConnection(args: Record<string, unknown>): MysqlConnection;
/** A private file a command moves into its own directory before use: its content and the name there. */
interface PrivateFile {
    name: string;
    content: string;
}
export declare function clientCommands(connection: MysqlConnection, program: "mysql" | "mysqldump", build: (client: string) => string, extraFiles?: PrivateFile[], key?: string): Array<Command | string>;
export declare function sqlCommands(connection: MysqlConnection, statements: Statement[], database?: string): Array<Command | string>;
export {};
