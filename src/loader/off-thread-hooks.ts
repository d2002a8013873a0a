// The off-thread hooks module (bundled to dist/loader-hooks.js) for Node without registerHooks.
import { finishResolve, loadUserModule, resolveApi } from "./hook-logic.js";

type Next<T> = (input: string, context: unknown) => Promise<T>;
interface Context {
  parentURL?: string;
}

let apiNames: readonly string[] = [];

// Receives the API's export names from the main thread.
export function initialize(data: { apiNames: readonly string[] }): void {
  apiNames = data.apiNames;
}

export async function resolve(specifier: string, context: Context, nextResolve: Next<{ url: string }>) {
  const api = resolveApi(specifier, context.parentURL);
  if (api) return api;
  let resolved: { url: string } | undefined;
  let failure: unknown;
  try {
    resolved = await nextResolve(specifier, context);
  } catch (error) {
    failure = error;
  }
  return finishResolve(specifier, context.parentURL, resolved?.url, failure);
}

export async function load(url: string, context: unknown, nextLoad: Next<unknown>) {
  return loadUserModule(url, apiNames) ?? nextLoad(url, context);
}
