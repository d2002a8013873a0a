// pyinfra's `@deploy`: `deploy(name, fn)` makes a reusable function whose operations are grouped under
// its name in plans and reports (nested deploys join their names: "Web server › nginx"). And the API a
// module evaluated once (a deploy package in node_modules) reaches at call time: the calling host's.
import { AsyncLocalStorage } from "node:async_hooks";
import { UserError } from "../errors.js";

const groups = new AsyncLocalStorage<readonly string[]>();
const boundApis = new AsyncLocalStorage<Record<string, unknown>>();

// Wraps `fn` so that the operations it calls (also after an await) belong to the deploy `name`.
export function deploy<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
  if (typeof name !== "string" || name.trim() === "")
    throw new UserError(`deploy(name, fn): the name must be a non-empty string, such as deploy("Web server", …).`);
  if (typeof fn !== "function")
    throw new UserError(`deploy("${name}", fn): fn must be a function, the deploy's operations.`);
  return (...args: A) => groups.run([...(groups.getStore() ?? []), name], () => fn(...args));
}

// The deploy groups the calling code runs in, outermost first ([] outside any).
export function currentDeployGroups(): readonly string[] {
  return groups.getStore() ?? [];
}

// Runs a host's deploy code with its bound API as the one unbound members reach at call time.
export function runWithBoundApi<T>(api: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  return boundApis.run(api, work);
}

// The API of the host whose deploy code is running here, if any.
export function currentBoundApi(): Record<string, unknown> | undefined {
  return boundApis.getStore();
}
