// The CLI owns the process: SIGINT/SIGTERM abort the engine's signal, and once the engine has
// written what it knew and cleaned up (at most 20 s), the process exits with 128 + the signal's number.
import { createSignalGuard, type SignalGuard } from "../engine/abort-guard.js";

// Installs SIGINT/SIGTERM handlers for one run of the engine.
export function abortOnSignals(
  write: (text: string) => void,
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
