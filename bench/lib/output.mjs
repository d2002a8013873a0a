// Progress lines, failures shown as is, and the child processes of the benchmark.
import { createProcesses } from "../../scripts/lib/processes.mjs";
import { repoRoot } from "./paths.mjs";
import { SECOND } from "./settings.mjs";

// When the bench started (progress lines show the time since).
export const started = Date.now();

// Prints one progress line, with the time since the start.
export function say(message) {
  const elapsed = ((Date.now() - started) / SECOND).toFixed(0).padStart(4);
  console.log(`bench [${elapsed} s]: ${message}`);
}

// An error whose message is shown as is.
export class BenchError extends Error {}

// Stops with a message naming what failed.
export function fail(message) {
  throw new BenchError(message);
}

// `run` (never throws), `must` (fails with the output) and `imageId`, run from the repository's root.
export const { run, must, imageId } = createProcesses({ fail, cwd: repoRoot });
