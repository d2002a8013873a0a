export interface FactOutput {
    stdout: string;
    stderr: string;
    exitCode: number;
}
export interface FactArgument {
    type: "string" | "boolean";
    required?: boolean;
    description: string;
}
export declare class Unreadable {
    readonly unreadable: string;
    constructor(unreadable: string);
}
export interface Fact<Args, Result> {
    readonly name: string;
    readonly description: string;
    readonly arguments?: Readonly<Record<string, FactArgument>>;
    command(args: Args): string;
    parse(output: FactOutput, args: Args): Result | Unreadable;
}
export declare function defineFact<Args = undefined, Result = unknown>(fact: Fact<Args, Result>): Fact<Args, Result>;
export declare function unreadable(reason: string): Unreadable;
export declare function isUnreadable(value: unknown): value is Unreadable;
export declare function lines(text: string): string[];
export declare function toInteger(text: string | undefined): number | null;
export declare function emptyRecord<V>(): Record<string, V>;
