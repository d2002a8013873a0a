// Global operation arguments (pyinfra's `_` arguments): read from the call, defaulting to host data
// keys of the same name.
import type { CommandOptions } from "../connectors/connector.js";
import { OperationError } from "../errors.js";
import { describeValue, isPlainObject, kindOf } from "../util/describe-value.js";
import { describeSecretValue, isSecretKey } from "../util/secret-keys.js";
import type { OperationHandle } from "./operation-handle.js";

export interface GlobalArgs {
  sudo: boolean;
  sudoUser?: string;
  sudoPassword?: string;
  env?: Record<string, string>;
  chdir?: string;
  ignoreErrors: boolean;
  // Operations that must have changed, a boolean, or a function read at plan time.
  if?: OperationHandle[] | boolean | (() => boolean);
  retries: number;
  retryDelay: number;
  timeout?: number;
  runOnce: boolean;
  serial: boolean;
  // sudo's `-i` (a login shell) and `-E` (keep the connecting user's environment).
  useSudoLogin: boolean;
  preserveSudoEnv: boolean;
  // su to this user (inside sudo/doas when those are given too), with its `-l`, `-m` and `-s`.
  suUser?: string;
  useSuLogin: boolean;
  preserveSuEnv: boolean;
  suShell?: string;
  // doas (as root unless `doasUser`); never together with sudo.
  doas: boolean;
  doasUser?: string;
  // Exit codes that count as success for each shell command; undefined: only 0.
  successExitCodes?: number[];
  // The shell that runs each command ("sh"); null: the command line is run as it is, without one.
  shellExecutable: string | null;
  // Decides on the controller, after each try, whether to try again (up to `retries` times).
  retryUntil?: (output: RetryOutput) => boolean | Promise<boolean>;
}

// What `_retry_until` is given after each try of an operation.
export interface RetryOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

// How the operation's commands and facts run: through doas, sudo and su (as whom, with which
// sudo password and flags), or as the connecting user.
export function sudoOptions(global: GlobalArgs): CommandOptions {
  return {
    ...(global.sudo
      ? {
          sudo: true,
          ...(global.sudoUser ? { sudoUser: global.sudoUser } : {}),
          ...(global.sudoPassword ? { sudoPassword: global.sudoPassword } : {}),
          ...(global.useSudoLogin ? { useSudoLogin: true } : {}),
          ...(global.preserveSudoEnv ? { preserveSudoEnv: true } : {}),
        }
      : {}),
    ...(global.doas ? { doas: true, ...(global.doasUser ? { doasUser: global.doasUser } : {}) } : {}),
    ...(global.suUser
      ? {
          suUser: global.suUser,
          ...(global.useSuLogin ? { useSuLogin: true } : {}),
          ...(global.preserveSuEnv ? { preserveSuEnv: true } : {}),
          ...(global.suShell ? { suShell: global.suShell } : {}),
        }
      : {}),
  };
}

// Who runs a command with these options: "" for the connecting user, else the su, sudo or doas target.
export function runsAs(options: CommandOptions): string {
  if (options.suUser) return options.suUser;
  if (options.sudo || options.sudoUser) return options.sudoUser ?? "root";
  if (options.doas || options.doasUser) return options.doasUser ?? "root";
  return "";
}

// One key per way of running as someone (facts read the same way share one wrapper and one cache
// entry): "" for the connecting user.
export function escalationKey(options: CommandOptions): string {
  const parts = [
    options.doas || options.doasUser ? `doas:${options.doasUser ?? "root"}` : "",
    options.sudo || options.sudoUser
      ? `sudo:${options.sudoUser ?? "root"}${options.useSudoLogin ? "-i" : ""}${options.preserveSudoEnv ? "-E" : ""}`
      : "",
    options.suUser
      ? `su:${options.suUser}${options.useSuLogin ? "-l" : ""}${options.preserveSuEnv ? "-m" : ""}${options.suShell ? `-s${options.suShell}` : ""}`
      : "",
  ].filter(Boolean);
  if (parts.length === 1 && parts[0] === `sudo:${runsAs(options)}`) return runsAs(options);
  return parts.join("+");
}

const globalArgNames = [
  "_sudo",
  "_sudo_user",
  "_sudo_password",
  "_env",
  "_chdir",
  "_ignore_errors",
  "_if",
  "_retries",
  "_retry_delay",
  "_timeout",
  "_run_once",
  "_serial",
  "_use_sudo_login",
  "_preserve_sudo_env",
  "_su_user",
  "_use_su_login",
  "_preserve_su_env",
  "_su_shell",
  "_doas",
  "_doas_user",
  "_success_exit_codes",
  "_shell_executable",
  "_retry_until",
] as const;

// The global arguments that say who runs a command (host.getFact takes them too).
export const escalationArgNames = [
  "_sudo",
  "_sudo_user",
  "_sudo_password",
  "_use_sudo_login",
  "_preserve_sudo_env",
  "_su_user",
  "_use_su_login",
  "_preserve_su_env",
  "_su_shell",
  "_doas",
  "_doas_user",
] as const;

// Splits a call's arguments into its name, global arguments and the operation's own arguments.
export function splitArgs(
  raw: Record<string, unknown>,
  hostData: Readonly<Record<string, unknown>>,
  isHandle: (value: unknown) => value is OperationHandle,
): { name?: string; global: GlobalArgs; own: Record<string, unknown> } {
  const own: Record<string, unknown> = {};
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "name") continue;
    if (key.startsWith("_")) {
      if (!(globalArgNames as readonly string[]).includes(key)) {
        throw new OperationError(
          `unknown global argument ${key}. Global arguments: ${globalArgNames.join(", ")}. A template variable named ${key} goes in files.template's \`variables\` argument: variables: { ${key}: … }.`,
        );
      }
      given[key] = value;
    } else own[key] = value;
  }
  const pick = (key: string) => (given[key] !== undefined ? given[key] : hostData[key]);
  const name = raw.name;
  if (name !== undefined && typeof name !== "string")
    throw new OperationError(`argument name must be a string; it is ${describeValue(name)}.`);
  return { ...(name ? { name } : {}), global: readGlobalArgs(pick, isHandle), own };
}

function readGlobalArgs(
  pick: (key: string) => unknown,
  isHandle: (value: unknown) => value is OperationHandle,
): GlobalArgs {
  const bool = (key: string) => {
    const v = pick(key);
    if (v === undefined || v === null) return false;
    if (typeof v !== "boolean") throw wrong(key, "true or false", v);
    return v;
  };
  const str = (key: string) => {
    const v = pick(key);
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") throw wrong(key, "a string", v);
    return v;
  };
  // A user name: quoted on the command line, but one starting with "-" would be read as an option.
  const user = (key: string) => {
    const v = str(key);
    if (v !== undefined && (v.startsWith("-") || /[\0\n]/.test(v)))
      throw wrong(key, 'a user name (not starting with "-", on one line)', v);
    return v;
  };
  // A program to run (a shell): a name or a path, without arguments.
  const program = (key: string) => {
    const v = str(key);
    if (v !== undefined && (v.startsWith("-") || /[\s\0]/.test(v)))
      throw wrong(key, "a program name or path without arguments (sh, bash, /bin/zsh)", v);
    return v;
  };
  const num = (key: string, fallback: number | undefined) => {
    const v = pick(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "number" || !(v >= 0)) throw wrong(key, "a number, 0 or more", v);
    return v;
  };
  const env = pick("_env");
  if (env !== undefined && env !== null) {
    if (!isPlainObject(env)) throw wrong("_env", "an object of strings", env);
    // Environment values are often passwords: name the key that is wrong, show no value.
    const bad = Object.entries(env).find(([, v]) => typeof v !== "string");
    if (bad)
      throw new OperationError(
        `global argument _env must be an object of strings; its key ${bad[0]} is ${kindOf(bad[1])} (values are not shown).`,
      );
  }
  const condition = pick("_if");
  let ifArg: GlobalArgs["if"];
  if (condition === undefined || condition === null) ifArg = undefined;
  else if (typeof condition === "boolean" || typeof condition === "function")
    ifArg = condition as boolean | (() => boolean);
  else if (isHandle(condition)) ifArg = [condition];
  else if (Array.isArray(condition) && condition.every(isHandle)) ifArg = condition;
  else throw wrong("_if", "an operation (or a list of them), a boolean or a function", condition);
  const sudoUser = user("_sudo_user");
  const doasUser = user("_doas_user");
  const sudo = bool("_sudo") || sudoUser !== undefined;
  const doas = bool("_doas") || doasUser !== undefined;
  if (sudo && doas)
    throw new OperationError(
      "global arguments _sudo and _doas cannot be used together: choose one (_su_user may go with either).",
    );
  const retries = num("_retries", 0) ?? 0;
  const retryUntil = pick("_retry_until");
  if (retryUntil !== undefined && retryUntil !== null) {
    if (typeof retryUntil !== "function")
      throw wrong(
        "_retry_until",
        "a function given { stdout, stderr, exitCode } that returns true to retry",
        retryUntil,
      );
    if (retries < 1)
      throw new OperationError(
        "global argument _retry_until needs _retries above 0 (how many times to retry at most), e.g. _retries: 5.",
      );
  }
  return {
    sudo: bool("_sudo") || sudoUser !== undefined,
    sudoUser,
    sudoPassword: str("_sudo_password"),
    env: (env as Record<string, string> | undefined) ?? undefined,
    chdir: str("_chdir"),
    ignoreErrors: bool("_ignore_errors"),
    if: ifArg,
    retries,
    retryDelay: num("_retry_delay", 5) ?? 5,
    timeout: num("_timeout", undefined),
    runOnce: bool("_run_once"),
    serial: bool("_serial"),
    useSudoLogin: bool("_use_sudo_login"),
    preserveSudoEnv: bool("_preserve_sudo_env"),
    suUser: user("_su_user"),
    useSuLogin: bool("_use_su_login"),
    preserveSuEnv: bool("_preserve_su_env"),
    suShell: program("_su_shell"),
    doas,
    doasUser,
    successExitCodes: exitCodes(pick("_success_exit_codes")),
    shellExecutable: pick("_shell_executable") === null ? null : (program("_shell_executable") ?? "sh"),
    ...(typeof retryUntil === "function" ? { retryUntil: retryUntil as GlobalArgs["retryUntil"] } : {}),
  };
}

// `_success_exit_codes`: a non-empty list of exit codes (whole numbers 0 to 255).
function exitCodes(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  const ok = Array.isArray(value) && value.length > 0 && value.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
  if (!ok)
    throw wrong("_success_exit_codes", "a non-empty list of exit codes (whole numbers 0 to 255), e.g. [0, 3]", value);
  return [...new Set(value as number[])];
}

// A global argument of the wrong type; a password's value (_sudo_password) is never shown.
function wrong(key: string, expected: string, value: unknown): OperationError {
  const shown = isSecretKey(key) ? describeSecretValue(value) : describeValue(value);
  return new OperationError(`global argument ${key} must be ${expected}; it is ${shown}.`);
}
