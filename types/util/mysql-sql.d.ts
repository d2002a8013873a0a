/** How to reach the server: pyinfra's connection arguments (each left to the client's defaults when not given). */
export interface MysqlConnection {
    /** The user to log in as (`--user`). */
    mysql_user?: string;
    /** Its password: written to a private option file, never on a command line. */
    mysql_password?: string;
    /** The server's host name or address (`--host`; other than "localhost", over TCP). */
    mysql_host?: string;
    /** The server's TCP port (`--port`, over TCP), as text. */
    mysql_port?: string;
}
export declare function sqlIdentifier(name: string): string;
export declare function sqlString(text: string): string;
export declare function sqlAccount(user: string, host: string): string;
export declare function clientOptions(connection: MysqlConnection): string[];
export declare function passwordOptionFile(password: string): string;
