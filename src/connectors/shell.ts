// The command line a connector runs: env, working directory and sudo, every value quoted.
import { UserError } from "../errors.js";
import { shellQuote } from "../util/shell-quote.js";
import type { CommandOptions } from "./connector.js";

// How a command line is built: the command's options (see CommandOptions) and how sudo gets its password.
export interface CommandContext extends Omit<CommandOptions, "sudoPassword"> {
  // Whether sudo will be given a password (else it must not ask: `sudo -n`). The password is
  // then held by the calling shell in `passwordVariable` (see `readPasswordLine`) and piped to
  // sudo alone; the command under sudo (and su under it) reads /dev/null, never the password.
  sudoWithPassword?: boolean;
}

// The shell variable that holds the sudo password inside a script (never exported, never on a
// command line: `printf` is a shell builtin).
const passwordVariable = "__ia_pw";

// The first thing a script run with a sudo password does: take the password from the first line
// of standard input into an unexported variable.
const readPasswordLine = `IFS= read -r ${passwordVariable} || exit 70`;

// Wraps a command with its working directory, environment, shell and doas / sudo / su (outermost
// first), every value quoted.
export function buildCommand(command: string, context: CommandContext = {}): string {
  const env = envEntries(context.env);
  for (const [key, user] of [
    ["_sudo_user", context.sudoUser],
    ["_su_user", context.suUser],
    ["_doas_user", context.doasUser],
  ] as const) {
    if (user?.startsWith("-")) throw new UserError(`${key} ${JSON.stringify(user)} may not start with "-".`);
  }
  const sudoing = Boolean(context.sudo || context.sudoUser);
  const doasing = Boolean(context.doas || context.doasUser);
  const escalated = sudoing || doasing || Boolean(context.suUser);
  const shell = context.shellExecutable === undefined ? "sh" : context.shellExecutable;
  if (shell === null && context.cwd && !context.suUser && (sudoing || doasing)) {
    throw new UserError(
      "_chdir cannot be used with _shell_executable: null under _sudo or _doas: without a shell there is nothing to change directory in. Give a shell, or drop _chdir.",
    );
  }
  const inner = context.cwd ? `cd -- ${shellQuote(context.cwd)} && ${command}` : command;
  const envPrefix = env.length ? `env ${env.map(([k, v]) => `${k}=${shellQuote(v)}`).join(" ")} ` : "";
  const exports = env.length ? `export ${env.map(([k, v]) => `${k}=${shellQuote(v)}`).join(" ")}; ` : "";
  const preamble = context.passwordOnStdin
    ? `${readPasswordLine}; ${context.passwordOnStdin === "alone" ? "exec 0</dev/null; " : ""}`
    : "";
  // Under a sudo password the command (and su) reads /dev/null, not what is left of sudo's pipe.
  const closeStdin = sudoing && context.sudoWithPassword && !context.keepStdin ? "exec 0</dev/null; " : "";
  // Without a shell, the command line is read by the shell around it: in a subshell that cannot
  // see the sudo password's variable.
  const bare = shell === null && !context.suUser;
  let line: string;
  if (shell !== null)
    line = `${envPrefix}${shellQuote(shell)} -c ${shellQuote((escalated ? closeStdin : preamble) + inner)}`;
  else if (context.suUser || !escalated) line = `${exports}${inner}`;
  else line = `${envPrefix}${inner}`;
  if (context.suUser) line = suLine(context.suUser, line, context);
  if (sudoing) line = sudoLine(context.sudoUser ?? "root", line, context, bare);
  else if (doasing)
    line = hidePassword(`doas -n${context.doasUser ? ` -u ${shellQuote(context.doasUser)}` : ""} -- ${line}`, bare);
  else if (bare) line = hidePassword(line, true);
  if (!preamble || (shell !== null && !escalated)) return line;
  return `sh -c ${shellQuote(preamble + line)}`;
}

// A command that runs in a subshell of the script around it, as the script's own user, in `sh`
// (the default shell): what `sh -c` gives (its own directory, variables and options, `set -e` off)
// without starting a second shell. Its text is the script's: a script holding one is checked with
// `sh -n` before anything runs (see apply-script.ts).
export function inlineCommand(command: string, context: Pick<CommandOptions, "env" | "cwd"> = {}): string {
  const env = envEntries(context.env);
  const exports = env.length ? `export ${env.map(([k, v]) => `${k}=${shellQuote(v)}`).join(" ")}; ` : "";
  const cd = context.cwd ? `cd -- ${shellQuote(context.cwd)} || exit; ` : "";
  return `( set +e; ${exports}${cd}${command}\n)`;
}

// The `_env` entries, each name checked.
function envEntries(env: Readonly<Record<string, string>> | undefined): Array<[string, string]> {
  const entries = Object.entries(env ?? {});
  for (const [key] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new UserError(
        `_env key ${JSON.stringify(key)} is not a valid environment variable name (letters, digits and _).`,
      );
    }
  }
  return entries;
}

// A command line read by the calling shell itself, in a subshell where the sudo password's
// variable is gone (`bare`: there is no shell of its own around it).
function hidePassword(line: string, bare: boolean): string {
  return bare ? `( unset ${passwordVariable}; ${line} )` : line;
}

// `line` run through su as `user` (`-l`, `-m`, and `-s` found on the path when not a full path).
function suLine(user: string, line: string, context: CommandContext): string {
  const flags = [context.useSuLogin ? "-l" : "", context.preserveSuEnv ? "-m" : ""];
  if (context.suShell) {
    const shell = shellQuote(context.suShell);
    flags.push(`-s ${context.suShell.startsWith("/") ? shell : `"$(command -v ${shell} || echo ${shell})"`}`);
  }
  return `su ${flags
    .filter(Boolean)
    .map((f) => `${f} `)
    .join("")}${shellQuote(user)} -c ${shellQuote(line)}`;
}

// `line` run through sudo as `user`: without a password sudo must not ask (`-n`); with one, sudo
// reads it from a pipe of its own (`-p ''`: no prompt to recognise or fake). The password goes into
// that pipe only when sudo will really read it: a check with `-n` says whether it must ask, and both
// ignore cached credentials (`-k`) so they always agree. Otherwise the password would be left in
// the command's input (a command may read it) or, for a file's bytes, become part of the file.
function sudoLine(user: string, line: string, context: CommandContext, bare: boolean): string {
  const who = shellQuote(user);
  const flags = `${context.useSudoLogin ? " -i" : ""}${context.preserveSudoEnv ? " -E" : ""}`;
  // sudo -i hands the command to the login shell with a backslash before each newline, which joins
  // the lines: a command of several lines travels as one line of base64 instead.
  if (context.useSudoLogin && line.includes("\n")) {
    const encoded = Buffer.from(line).toString("base64");
    line = `sh -c ${shellQuote(`eval "$(printf %s ${encoded} | base64 -d)"`)}`;
  }
  if (!context.sudoWithPassword) return hidePassword(`sudo -H -n${flags} -u ${who} -- ${line}`, bare);
  const asks = `sudo -n -k${flags} -u ${who} -- sh -c : </dev/null >/dev/null 2>&1 || printf '%s\\n' "$${passwordVariable}"`;
  const sudo = hidePassword(`sudo -H -k -S -p ''${flags} -u ${who} -- ${line}`, bare);
  return context.keepStdin ? `{ ${asks}; cat; } | ${sudo}` : `{ ${asks}; } | ${sudo}`;
}
