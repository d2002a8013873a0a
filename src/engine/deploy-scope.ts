// Which host's deploy code a piece of asynchronous work belongs to, so that a promise rejection
// nobody handled (a forgotten `await host.getFact(…)`) fails that host instead of the whole run.
import { AsyncLocalStorage } from "node:async_hooks";
import { isUserError } from "../errors.js";
import { userFrame } from "../loader/load-module.js";

export interface DeployScope {
  // The host whose deploy code this is (a face prefixes its console output with it).
  readonly host?: string;
  // Called with the reason of an unhandled rejection that arose from this host's deploy code.
  fail(reason: unknown): void;
}

const storage = new AsyncLocalStorage<DeployScope>();

// Runs `work` (a host's deploy code, and everything it starts) inside that host's scope.
export function runInDeployScope<T>(scope: DeployScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work);
}

// The host whose deploy code is running here, if any: the CLI puts console output under its name.
export function currentDeployHost(): string | undefined {
  return storage.getStore()?.host;
}

// Hands an unhandled rejection to the host whose deploy code it came from; false when it came from
// no host's. Call it from the face's 'unhandledRejection' handler: Node runs that handler in the
// rejected promise's asynchronous context.
export function claimUnhandledRejection(reason: unknown): boolean {
  const scope = storage.getStore();
  if (!scope) return false;
  scope.fail(reason);
  return true;
}

// "deploy code left a promise rejection unhandled (a missing await?): TypeError: x is not a function (at deploy.ts:4:3)"
export function describeUnhandledRejection(reason: unknown): string {
  return `deploy code left a promise rejection unhandled (a missing await?): ${describeReason(reason)}`;
}

// An error as a user reads it: a user error's message, else its name, message and where in user code.
export function describeReason(reason: unknown): string {
  if (!(reason instanceof Error)) return `it rejected with ${safeJson(reason)}`;
  const where = userFrame(reason.stack ?? "");
  const { name, message } = reason;
  const text = isUserError(reason) ? message : `${name}: ${message}`;
  return `${text}${where && !text.includes(where) ? ` (at ${where})` : ""}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
