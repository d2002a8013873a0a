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
const passwordVariable = "__ia_pw";

// The first thing a script run with a sudo password does: take the password from the first line
// of standard input into an unexported variable.
const readPasswordLine = `IFS= read -r ${passwordVariable} || exit 70`;

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
// reads it from a pipe of its own (`-p ''`: no prompt to recognise or fake). The password goes into
// that pipe only when sudo will really read it: a check with `-n` says whether it must ask, and both
// ignore cached credentials (`-k`) so they always agree. Otherwise the password would be left in
// the command's input (a command may read it) or, for a file's bytes, become part of the file.
function sudoLine(user: string, shell: string, inner: string, context: CommandContext): string {
  const who = shellQuote(user);
  if (!context.sudoWithPassword) return `sudo -H -n -u ${who} -- ${shell} ${shellQuote(inner)}`;
  const asks = `sudo -n -k -u ${who} -- sh -c : </dev/null >/dev/null 2>&1 || printf '%s\\n' "$${passwordVariable}"`;
  const sudo = `sudo -H -k -S -p '' -u ${who} --`;
  if (!context.keepStdin) return `{ ${asks}; } | ${sudo} ${shell} ${shellQuote(`exec 0</dev/null; ${inner}`)}`;
  return `{ ${asks}; cat; } | ${sudo} ${shell} ${shellQuote(inner)}`;
}
