/** What a fact's command printed, as `parse` gets it. */
export interface FactOutput {
    /** Standard output, whole. */
    stdout: string;
    /** What the command said on standard error (the last lines of it): why something could not be read. */
    stderr: string;
    /** The command's exit code. */
    exitCode: number;
}
/** One argument a fact takes, as `host.getFact` and `infra-action fact` check it. */
export interface FactArgument {
    /** The argument's type; `infra-action fact … key=true` turns the text into a boolean for "boolean". */
    type: "string" | "boolean";
    /** Whether it must be given. */
    required?: boolean;
    /** What it is, for error messages ("a path on the host"). */
    description: string;
}
export declare class Unreadable {
    readonly unreadable: string;
    constructor(unreadable: string);
}
/** A fact, as `defineFact` takes it: a shell command and a pure parser of its output. */
export interface Fact<Args, Result> {
    /** Its name ("LinuxDistribution", pyinfra's for built-ins): reports and errors show it. Keep it unique. */
    readonly name: string;
    /** One line saying what it gives. */
    readonly description: string;
    /**
     * The arguments it takes, by name ({} for none). Every built-in fact declares them; an argument
     * not listed here, or a required one missing, is refused before anything runs.
     */
    readonly arguments?: Readonly<Record<string, FactArgument>>;
    /** The shell command printing what `parse` reads; quote every argument with `shellQuote`. */
    command(args: Args): string;
    /**
     * Output → value (built-ins give `unreadable(why)` when the output says the host would not tell).
     * Must not throw on any output: unexpected text gives an empty or null value. The
     * command runs with the operation's user (`_sudo`), batched with the host's other facts.
     */
    parse(output: FactOutput, args: Args): Result | Unreadable;
}
export declare function defineFact<Args = undefined, Result = unknown>(fact: Fact<Args, Result>): Fact<Args, Result>;
export declare function onlyWhere<Args, Result>(fact: Fact<Args, Result>, name: string, test: string): Fact<Args, Result>;
export declare function unreadable(reason: string): Unreadable;
export declare function isUnreadable(value: unknown): value is Unreadable;
export declare function lines(text: string): string[];
export declare function toInteger(text: string | undefined): number | null;
export declare function emptyRecord<V>(): Record<string, V>;
