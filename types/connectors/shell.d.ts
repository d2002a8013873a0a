export declare function shellQuote(value: string): string;
export interface CommandContext {
    env?: Readonly<Record<string, string>>;
    cwd?: string;
    sudo?: boolean;
    sudoUser?: string;
    sudoWithPassword?: boolean;
    keepStdin?: boolean;
    passwordOnStdin?: "alone" | "then-input";
}
export declare const passwordVariable = "__ia_pw";
export declare const readPasswordLine = "IFS= read -r __ia_pw || exit 70";
export declare function buildCommand(command: string, context?: CommandContext): string;
