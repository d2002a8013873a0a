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
}

// How the operation's commands and facts run: through sudo (as whom, with which password), or not.
export function sudoOptions(global: GlobalArgs): CommandOptions {
  if (!global.sudo) return {};
  return {
    sudo: true,
    ...(global.sudoUser ? { sudoUser: global.sudoUser } : {}),
    ...(global.sudoPassword ? { sudoPassword: global.sudoPassword } : {}),
  };
}

// Who runs a command with these options: "" for the connecting user, else the sudo target.
export function runsAs(options: CommandOptions): string {
  return options.sudo || options.sudoUser ? (options.sudoUser ?? "root") : "";
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
  const sudoUser = str("_sudo_user");
  return {
    sudo: bool("_sudo") || sudoUser !== undefined,
    sudoUser,
    sudoPassword: str("_sudo_password"),
    env: (env as Record<string, string> | undefined) ?? undefined,
    chdir: str("_chdir"),
    ignoreErrors: bool("_ignore_errors"),
    if: ifArg,
    retries: num("_retries", 0) ?? 0,
    retryDelay: num("_retry_delay", 5) ?? 5,
    timeout: num("_timeout", undefined),
    runOnce: bool("_run_once"),
    serial: bool("_serial"),
  };
}

// A global argument of the wrong type; a password's value (_sudo_password) is never shown.
function wrong(key: string, expected: string, value: unknown): OperationError {
  const shown = isSecretKey(key) ? describeSecretValue(value) : describeValue(value);
  return new OperationError(`global argument ${key} must be ${expected}; it is ${shown}.`);
}
