// The action owns the process: the runner cancels with SIGTERM (SIGINT by hand); either aborts the
// engine's signal, and once the engine has written its partial report and summary and cleaned up
// (at most 20 s), the process exits with 128 + the signal's number.
import { createSignalGuard, type SignalGuard } from "../engine/abort-guard.js";

// Installs SIGINT/SIGTERM handlers for the engine's run.
export function abortOnSignals(
  write: (text: string) => void = (text) => void process.stderr.write(text),
  exit: (code: number) => void = (code) => process.exit(code),
  cleanupMs = 20_000,
): SignalGuard {
  return createSignalGuard({
    write,
    exit,
    cleanupMs,
    listen: (name, handler) => process.on(name, handler),
    unlisten: (name, handler) => process.off(name, handler),
  });
}
