import { UserError } from "../../errors.js";
export declare class OperationArgumentError extends UserError {
    name: string;
}
type Args = Record<string, unknown>;
export declare function requiredString(args: Args, key: string): string;
export declare function optionalString(args: Args, key: string): string | undefined;
export declare function booleanArg(args: Args, key: string, fallback: boolean): boolean;
export declare function optionalBoolean(args: Args, key: string): boolean | undefined;
export declare function optionalNumber(args: Args, key: string): number | undefined;
export declare function stringList(args: Args, key: string, options?: {
    required?: boolean;
}): string[];
export declare function modeArg(args: Args, key?: string): string | undefined;
export declare function accountName(args: Args, key: string, kind?: "user" | "group"): string | undefined;
export declare function checkAccountName(name: string, key: string, kind: "user" | "group"): void;
export declare function refuseOptionLike(value: string | undefined, key: string, hint: string): void;
export declare function refuseLineBreak(args: Args, key: string, why: string): void;
export declare function extraArgs(args: Args, known: readonly string[]): Record<string, unknown>;
export declare function rejectUnknown(args: Args, known: readonly string[], operation: string): void;
export declare function optionalObject(args: Args, key: string): Record<string, unknown> | undefined;
export declare function refuse(message: string): never;
export declare function escapeRegExp(text: string): string;
export declare function regExpArg(key: string, source: string, flags?: string): RegExp;
export {};
