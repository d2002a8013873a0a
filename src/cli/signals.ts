// The CLI owns the process: SIGINT/SIGTERM abort the engine's signal, and once the engine has
// written what it knew and cleaned up (at most 20 s), the process exits with 128 + the signal's number.
import { signalExitCode } from "../errors.js";

// The signal handed to the engine, and the run it guards.
export interface SignalGuard {
  // Handed to the engine; aborted with the signal's name as its reason.
  signal: AbortSignal;
  // The engine's run: after a signal, the process exits once it has settled.
  watch<T>(work: Promise<T>): Promise<T>;
  // Removes the handlers (the run is over).
  dispose(): void;
}

// Installs SIGINT/SIGTERM handlers for one run of the engine.
export function abortOnSignals(
  write: (text: string) => void,
  exit: (code: number) => void = (code) => process.exit(code),
  cleanupMs = 20_000,
): SignalGuard {
  const controller = new AbortController();
  let work: Promise<unknown> = Promise.resolve();
  let handling = false;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((name) => {
    const handler = () => {
      if (handling) return;
      handling = true;
      write(`infra-action: ${name} received, cleaning up…\n`);
      controller.abort(name);
      // Bounded: a clean-up that hangs must not keep the process alive.
      const limit = new Promise((resolve) => setTimeout(resolve, cleanupMs).unref());
      void Promise.race([work.catch(() => undefined), limit]).finally(() => exit(signalExitCode(name)));
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    watch: (promise) => {
      work = promise;
      return promise;
    },
    dispose: () => {
      // After a signal the handlers stay: a second signal must not kill the clean-up half-way.
      if (handling) return;
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
