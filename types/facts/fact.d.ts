export interface FactOutput {
    stdout: string;
    exitCode: number;
}
export interface Fact<Args, Result> {
    readonly name: string;
    readonly description: string;
    command(args: Args): string;
    parse(output: FactOutput, args: Args): Result;
}
export declare function defineFact<Args = undefined, Result = unknown>(fact: Fact<Args, Result>): Fact<Args, Result>;
export declare function lines(text: string): string[];
export declare function toInteger(text: string | undefined): number | null;
export declare function emptyRecord<V>(): Record<string, V>;
