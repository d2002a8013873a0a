// What both tools' runners share: the environment they run in and the check that a run finished in
// its time limit.
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { BenchError } from "./output.mjs";

// The environment of both tools: this one without an SSH agent (each is given its key explicitly).
export function toolEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.SSH_AUTH_SOCK;
  return env;
}

// Fails when a timed run was stopped by the time limit.
export function checkFinished(measured, what, logFile) {
  if (measured.timedOut) {
    const error = new BenchError(`${what} took longer than ${measured.limitMs / MINUTE} min (log: ${logFile})`);
    error.timedOut = true;
    throw error;
  }
}
