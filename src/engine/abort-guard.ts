// What a face does on SIGINT/SIGTERM, without touching the process itself (the faces own it and
// pass in how to listen and how to exit): abort the engine's signal, wait for the engine to write
// what it knew and clean up (bounded), then exit with 128 + the signal's number.
import { signalExitCode } from "../errors.js";

type SignalName = "SIGINT" | "SIGTERM";

// The signal handed to the engine, and the run it guards.
export interface SignalGuard {
  // Handed to the engine; aborted with the signal's name as its reason.
  signal: AbortSignal;
  // The engine's run: after a signal, the process exits once it has settled.
  watch<T>(work: Promise<T>): Promise<T>;
  // Removes the handlers (the run is over).
  dispose(): void;
}

export interface SignalSeams {
  write(text: string): void;
  exit(code: number): void;
  listen(name: SignalName, handler: () => void): void;
  unlisten(name: SignalName, handler: () => void): void;
  // How long the clean-up may take before the process exits anyway.
  cleanupMs?: number;
}

// Listens for SIGINT/SIGTERM for one run of the engine.
export function createSignalGuard(seams: SignalSeams): SignalGuard {
  const controller = new AbortController();
  let work: Promise<unknown> = Promise.resolve();
  let handling = false;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((name) => {
    const handler = () => {
      if (handling) return;
      handling = true;
      seams.write(`infra-action: ${name} received, cleaning up…\n`);
      controller.abort(name);
      // Bounded: a clean-up that hangs must not keep the process alive.
      const limit = new Promise((resolve) => setTimeout(resolve, seams.cleanupMs ?? 20_000).unref());
      void Promise.race([work.catch(() => undefined), limit]).finally(() => seams.exit(signalExitCode(name)));
    };
    seams.listen(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    watch: (promise) => {
      work = promise;
      return promise;
    },
    dispose: () => {
      // After a signal the handlers stay: a second signal must not stop the clean-up half-way.
      if (handling) return;
      for (const [name, handler] of handlers) seams.unlisten(name, handler);
    },
  };
}
