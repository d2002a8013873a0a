import { type PsqlConnection } from "../../facts/psql.js";
import type { Command } from "../operation.js";
export declare const connectionKeys: readonly ["psql_user", "psql_password", "psql_host", "psql_port", "psql_database"];
export declare function readName(args: Record<string, unknown>, key: string, required: true): string;
export declare function readName(args: Record<string, unknown>, key: string, required?: false): string | undefined;
export declare function readPassword(args: Record<string, unknown>, key: string, oneLine: boolean): string | undefined;
export declare function readConnection(args: Record<string, unknown>): PsqlConnection;
export declare function readConnectionLimit(args: Record<string, unknown>): number | undefined;
export declare function psqlRun(connection: PsqlConnection, commandLine: string | ((sqlFile: string) => string), options?: {
    sql?: string;
    shown?: string;
    cleanup?: string[];
    heredoc?: {
        delimiter: string;
        body: string;
    };
}): Array<Command | string>;
export declare function psqlApplyLine(connection: PsqlConnection, database?: string): string;
export declare function factConnection(connection: PsqlConnection): PsqlConnection;
