// Progress lines, user-facing failures and the child processes of `node scripts/test-env.mjs`; the
// Debian mirror's address is kept out of everything printed.
import { relative } from "node:path";
import { createProcesses } from "../lib/processes.mjs";
import { repoRoot } from "./paths.mjs";

// Strings kept out of the output (the mirror's address and host).
const hidden = new Set();

// Adds a string that must never be printed.
export function hideWord(word) {
  hidden.add(word);
}

// Replaces the strings that must not be printed (the mirror's address) by a placeholder.
export function redact(text) {
  let result = String(text);
  for (const word of hidden) result = result.split(word).join("<mirror>");
  return result;
}

// Prints one progress line.
export function say(message) {
  console.log(`test-env: ${redact(message)}`);
}

// An error whose message is shown to the user as is (what failed and how to fix it).
export class SetupError extends Error {}

// Stops with a message naming what failed and how to fix it.
export function fail(message) {
  throw new SetupError(redact(message));
}

// A path relative to the repository, for messages.
export function shown(path) {
  return relative(repoRoot, path) || ".";
}

// `run` (never throws), `must` (fails with the output and a fix) and `imageId`, failing with SetupError.
export const { run, must, imageId } = createProcesses({ fail, cwd: undefined });
