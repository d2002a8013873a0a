export declare function shellQuote(value: string): string;
export interface CommandContext {
    env?: Readonly<Record<string, string>>;
    cwd?: string;
    sudo?: boolean;
    sudoUser?: string;
    sudoWithPassword?: boolean;
}
export declare const sudoPrompt = "[infra-action:sudo-password]";
export declare function buildCommand(command: string, context?: CommandContext): string;
