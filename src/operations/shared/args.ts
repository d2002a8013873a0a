// Reading an operation's arguments: each helper names the argument and what it expects.
import { UserError } from "../../errors.js";
import { describeValue, isPlainObject, showValue } from "../../util/describe-value.js";

// A wrong or missing operation argument. The engine adds the operation and the deploy file line.
export class OperationArgumentError extends UserError {
  override name = "OperationArgumentError";
}

type Args = Record<string, unknown>;

function wrong(key: string, expected: string, value: unknown): never {
  throw new OperationArgumentError(`argument ${key} must be ${expected}; it is ${describeValue(value)}.`);
}

// A required string argument.
export function requiredString(args: Args, key: string): string {
  const value = args[key];
  if (typeof value !== "string" || value === "") wrong(key, "a non-empty string", value);
  return value;
}

// An optional string argument (numbers are accepted and turned into strings, e.g. minute: 5).
export function optionalString(args: Args, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") wrong(key, "a string", value);
  return value;
}

// A boolean argument with its default.
export function booleanArg(args: Args, key: string, fallback: boolean): boolean {
  const value = args[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") wrong(key, "true or false", value);
  return value;
}

// An optional boolean argument (undefined means "leave as it is").
export function optionalBoolean(args: Args, key: string): boolean | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") wrong(key, "true or false", value);
  return value;
}

// A number argument, optional.
export function optionalNumber(args: Args, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) wrong(key, "a number", value);
  return value;
}

// A string or list of strings, as a list (pyinfra accepts both for packages, commands, groups).
export function stringList(args: Args, key: string, options: { required?: boolean } = {}): string[] {
  const value = args[key];
  if (value === undefined || value === null) {
    if (options.required) wrong(key, "a string or a list of strings", value);
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  for (const item of list)
    if (typeof item !== "string" || item === "") wrong(key, "a string or a list of strings", value);
  if (options.required && list.length === 0) wrong(key, "a string or a non-empty list of strings", value);
  return list as string[];
}

// A file mode: 3 or 4 octal digits as a string ("640", "0755", "1777"), given back without a
// leading 0 of four digits ("0755" → "755"). A number is refused: in JavaScript 0o640 is the number
// 416 and 640 is not octal, so a number cannot say which mode was meant.
export function modeArg(args: Args, key = "mode"): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") {
    const octal = Number.isInteger(value) && value >= 0 && value <= 0o7777 ? ` (0o${value.toString(8)})` : "";
    throw new OperationArgumentError(
      `argument ${key} must be a string of 3 or 4 octal digits; it is the number ${value}${octal}. A number cannot say which mode is meant (0o640 is 416, and 640 is not octal): write the digits in quotes, e.g. ${key}: "640".`,
    );
  }
  if (typeof value !== "string" || !/^[0-7]{3,4}$/.test(value))
    wrong(key, 'a string of 3 or 4 octal digits such as "640" or "0755"', value);
  return value.replace(/^0(?=[0-7]{3}$)/, "");
}

// An optional user or group name. A name starting with "-" would be read as an option by chown,
// useradd or crontab; spaces, ":" and "," would split it into other names.
export function accountName(
  args: Args,
  key: string,
  kind: "user" | "group" = key === "group" ? "group" : "user",
): string | undefined {
  const value = optionalString(args, key);
  if (value === undefined) return undefined;
  checkAccountName(value, key, kind);
  return value;
}

// Refuses a user or group name (of argument `key`) that could be read as an option or as several names.
export function checkAccountName(name: string, key: string, kind: "user" | "group"): void {
  if (name === "") wrong(key, `a ${kind} name`, name);
  if (name.startsWith("-"))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(name)} starts with "-", which commands would read as an option; give the ${kind}'s name (e.g. ${key}: "deploy").`,
    );
  const bad = /[\s:,/\p{Cc}]/u.exec(name);
  if (bad)
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(name)} is not a valid ${kind} name: it holds ${JSON.stringify(bad[0])}.`,
    );
}

// Refuses a value a command would read as an option ("-x"), naming the argument and where options go.
export function refuseOptionLike(value: string | undefined, key: string, hint: string): void {
  if (value?.startsWith("-"))
    throw new OperationArgumentError(
      `argument ${key} ${JSON.stringify(value)} starts with "-", which the command would read as an option; ${hint}`,
    );
}

// Refuses a line break in a text argument that must stay one line; `why` says what it would do.
export function refuseLineBreak(args: Args, key: string, why: string): void {
  const value = args[key];
  if (typeof value === "string" && /[\r\n]/.test(value))
    throw new OperationArgumentError(
      `argument ${key} must be one line; it holds a line break: ${showValue(value)}. ${why}`,
    );
}

// The arguments a template gets: everything that is not a known argument of the operation.
export function extraArgs(args: Args, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([key]) => !known.includes(key)));
}

// Refuses arguments the operation does not know, suggesting none: a typo should not pass silently.
export function rejectUnknown(args: Args, known: readonly string[], operation: string): void {
  for (const key of Object.keys(args)) {
    if (!known.includes(key)) {
      throw new OperationArgumentError(`${operation} has no argument ${key}. Its arguments: ${known.join(", ")}.`);
    }
  }
}

// An object argument (e.g. _env).
export function optionalObject(args: Args, key: string): Record<string, unknown> | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) wrong(key, "an object", value);
  return value;
}

// Refuses what the host holds when the operation cannot go on from it (another kind of file in the way).
export function refuse(message: string): never {
  throw new OperationArgumentError(message);
}

// Regular-expression syntax escaped, so a text matches only itself.
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// A user's regular expression compiled, or a clear error naming its argument.
export function regExpArg(key: string, source: string, flags = ""): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new OperationArgumentError(`argument ${key} is not a valid regular expression: ${(error as Error).message}`);
  }
}
