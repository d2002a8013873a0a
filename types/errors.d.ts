export declare class UserError extends Error {
    name: string;
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
