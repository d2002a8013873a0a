export interface ErrorFields {
    host?: string;
    operation?: string;
    exitCode?: number;
    stderr?: string;
    cause?: unknown;
}
export declare class UserError extends Error {
    name: string;
    readonly host?: string;
    readonly operation?: string;
    readonly exitCode?: number;
    readonly stderr?: string;
    constructor(message: string, fields?: ErrorFields);
}
export declare class UsageError extends UserError {
    name: string;
}
export declare class ModuleLoadError extends UserError {
    name: string;
}
export declare class InventoryError extends UserError {
    name: string;
}
export declare function isUserError(error: unknown): error is UserError;
export declare class ConnectError extends UserError {
    name: string;
}
export declare class CommandError extends UserError {
    name: string;
}
export declare function notConnected(host: string): CommandError;
export declare class SudoError extends CommandError {
    name: string;
}
export declare class FactError extends UserError {
    name: string;
}
export declare class OperationError extends UserError {
    name: string;
}
export declare function withoutHostName(message: string, host: string): string;
export declare class InterruptedError extends Error {
    readonly signal: string;
    name: string;
    readonly exitCode: number;
    constructor(signal: string);
}
export declare function signalExitCode(signal: string): number;
