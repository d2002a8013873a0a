// The command line a connector runs: env, working directory and sudo, every value quoted.
import { UserError } from "../errors.js";
import { shellQuote } from "../util/shell-quote.js";

export interface CommandContext {
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  sudo?: boolean;
  sudoUser?: string;
  // Whether sudo will be given a password (else it must not ask: `sudo -n`). The password is
  // then held by the calling shell in `passwordVariable` (see `readPasswordLine`) and piped to
  // sudo alone; the command under sudo reads /dev/null, never the password.
  sudoWithPassword?: boolean;
  // The command reads its standard input from the caller (a file's bytes): with a password, the
  // password goes first only when sudo will really ask for it, then the caller's input follows.
  keepStdin?: boolean;
  // Standard input starts with the sudo password's line (the command line reads it first, in the
  // shell that runs the sudo calls): "alone" closes input after it, "then-input" keeps the rest.
  passwordOnStdin?: "alone" | "then-input";
}

// The shell variable that holds the sudo password inside a script (never exported, never on a
// command line: `printf` is a shell builtin).
export const passwordVariable = "__ia_pw";

// The first thing a script run with a sudo password does: take the password from the first line
// of standard input into an unexported variable.
export const readPasswordLine = `IFS= read -r ${passwordVariable} || exit 70`;

// Wraps a shell command with its working directory, environment and sudo, every value quoted.
export function buildCommand(command: string, context: CommandContext = {}): string {
  const inner = context.cwd ? `cd -- ${shellQuote(context.cwd)} && ${command}` : command;
  const env = Object.entries(context.env ?? {});
  for (const [key] of env) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new UserError(
        `_env key ${JSON.stringify(key)} is not a valid environment variable name (letters, digits and _).`,
      );
    }
  }
  const envPrefix = env.length ? `env ${env.map(([k, v]) => `${k}=${shellQuote(v)}`).join(" ")} ` : "";
  const preamble = context.passwordOnStdin
    ? `${readPasswordLine}; ${context.passwordOnStdin === "alone" ? "exec 0</dev/null; " : ""}`
    : "";
  if (!context.sudo && !context.sudoUser) return `${envPrefix}sh -c ${shellQuote(preamble + inner)}`;
  const user = context.sudoUser ?? "root";
  if (user.startsWith("-")) throw new UserError(`_sudo_user ${JSON.stringify(user)} may not start with "-".`);
  const line = sudoLine(user, `${envPrefix}sh -c`, inner, context);
  return preamble ? `sh -c ${shellQuote(preamble + line)}` : line;
}

// `inner` run through sudo as `user`: without a password sudo must not ask (`-n`); with one, sudo
// reads it from a pipe of its own (`-p ''`: no prompt to recognise or fake).
function sudoLine(user: string, shell: string, inner: string, context: CommandContext): string {
  if (!context.sudoWithPassword) return `sudo -H -n -u ${shellQuote(user)} -- ${shell} ${shellQuote(inner)}`;
  const sudo = `sudo -H -S -p '' -u ${shellQuote(user)} --`;
  const password = `printf '%s\\n' "$${passwordVariable}"`;
  if (!context.keepStdin) return `${password} | ${sudo} ${shell} ${shellQuote(`exec 0</dev/null; ${inner}`)}`;
  // Only when sudo will ask does the password precede the input (else it would become input).
  // Both ignore cached credentials (-k), so the check and the real call always agree.
  const asks = `sudo -n -k -u ${shellQuote(user)} -- sh -c : </dev/null >/dev/null 2>&1 || ${password}`;
  return `{ ${asks}; cat; } | sudo -H -k -S -p '' -u ${shellQuote(user)} -- ${shell} ${shellQuote(inner)}`;
}
