// One error tree. A `UserError` is a mistake the user can fix: it is printed as its message alone,
// never with a stack trace. Anything else reaching the top is a bug in infra-action.

// A mistake in the user's input (files, arguments, data) with a message that says how to fix it.
export class UserError extends Error {
  override name = "UserError";
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
