// POSIX shell quoting and the command line a connector runs: env, working directory and sudo.
import { UserError } from "../errors.js";

// Quotes one argument for a POSIX shell: `it's` → `'it'\''s'`. Safe for any byte string.
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface CommandContext {
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  sudo?: boolean;
  sudoUser?: string;
  // Whether sudo will be given a password on its prompt (else it must not ask: `sudo -n`).
  sudoWithPassword?: boolean;
}

// The prompt infra-action asks sudo to print, so it knows when (and whether) sudo wants a password.
export const sudoPrompt = "[infra-action:sudo-password]";

// Wraps a shell command with its working directory, environment and sudo, every value quoted.
export function buildCommand(command: string, context: CommandContext = {}): string {
  const inner = context.cwd ? `cd ${shellQuote(context.cwd)} && ${command}` : command;
  const env = Object.entries(context.env ?? {});
  for (const [key] of env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new UserError(
        `_env key ${JSON.stringify(key)} is not a valid environment variable name (letters, digits and _).`,
      );
    }
  }
  const envPrefix = env.length ? `env ${env.map(([k, v]) => `${k}=${shellQuote(v)}`).join(" ")} ` : "";
  const shell = `${envPrefix}sh -c ${shellQuote(inner)}`;
  if (!context.sudo && !context.sudoUser) return shell;
  const auth = context.sudoWithPassword ? `-S -p ${shellQuote(sudoPrompt)}` : "-n";
  return `sudo -H ${auth} -u ${shellQuote(context.sudoUser ?? "root")} -- ${shell}`;
}
