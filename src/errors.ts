// One error tree. A `UserError` is a mistake the user can fix: it is printed as its message alone,
// never with a stack trace. Anything else reaching the top is a bug in infra-action.

// What an error knows beyond its message, as execa's errors carry it: the host and operation it is
// about, and a command's exit code and standard error when a command failed.
export interface ErrorFields {
  host?: string;
  operation?: string;
  exitCode?: number;
  stderr?: string;
  cause?: unknown;
}

// A mistake in the user's input (files, arguments, data) with a message that says how to fix it.
export class UserError extends Error {
  override name = "UserError";
  declare readonly host?: string;
  declare readonly operation?: string;
  declare readonly exitCode?: number;
  declare readonly stderr?: string;

  constructor(message: string, fields: ErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    if (fields.host !== undefined) this.host = fields.host;
    if (fields.operation !== undefined) this.operation = fields.operation;
    if (fields.exitCode !== undefined) this.exitCode = fields.exitCode;
    if (fields.stderr !== undefined) this.stderr = fields.stderr;
  }
}

// A problem with a command line argument or action input.
export class UsageError extends UserError {
  override name = "UsageError";
}

// A problem with a module the user wrote (inventory, group data, deploy file): missing, unreadable,
// not valid syntax, or throwing while it loads.
export class ModuleLoadError extends UserError {
  override name = "ModuleLoadError";
}

// An inventory whose exports do not describe hosts, groups and data as expected.
export class InventoryError extends UserError {
  override name = "InventoryError";
}

// Tells whether an error is the user's to fix (print the message) rather than a bug (print the stack).
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

// A host that cannot be reached or logged into: refused, unresolvable, bad credentials, host key.
export class ConnectError extends UserError {
  override name = "ConnectError";
}

// A command that could not run to completion: timed out, or the connection dropped under it.
export class CommandError extends UserError {
  override name = "CommandError";
}

// sudo refused: wrong password, or a password is needed and none was given.
// A command asked of a host that is not (or no longer) connected.
export function notConnected(host: string): CommandError {
  return new CommandError(`${host}: not connected.`, { host });
}

export class SudoError extends CommandError {
  override name = "SudoError";
}

// A fact that could not be gathered or read.
export class FactError extends UserError {
  override name = "FactError";
}

// An operation that cannot be planned: bad arguments, or a host state it cannot handle.
export class OperationError extends UserError {
  override name = "OperationError";
}

// Messages of errors about a host start with its name; where the host is already shown, drop it.
export function withoutHostName(message: string, host: string): string {
  return message.startsWith(`${host}: `) ? message.slice(host.length + 2) : message;
}

// The run was stopped by SIGINT/SIGTERM (through the AbortSignal a face gave the engine), after the
// engine wrote what it knew and cleaned up; `exitCode` is the one a shell reports for that signal.
export class InterruptedError extends Error {
  override name = "InterruptedError";
  readonly exitCode: number;

  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
    this.exitCode = signalExitCode(signal);
  }
}

// The exit code a shell reports for a process stopped by this signal: 128 + its number.
export function signalExitCode(signal: string): number {
  return signal === "SIGTERM" ? 143 : 130;
}
