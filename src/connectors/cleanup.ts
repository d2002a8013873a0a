// Last-resort cleanup: resources (such as @docker containers) that must go away even when the
// run is interrupted. SIGINT/SIGTERM run every registered cleanup, then exit.
const cleanups = new Set<(signal: string) => Promise<void>>();
let handling = false;
let installed = false;

// Registers a cleanup; returns the function that unregisters it (call it after a normal cleanup).
export function onInterruptCleanup(cleanup: (signal: string) => Promise<void>): () => void {
  installSignalHandlers();
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

// Runs every registered cleanup once, bounded in time, whatever each one does.
export async function runInterruptCleanups(signal = "SIGTERM", timeoutMs = 20_000): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.race([
    Promise.allSettled(pending.map((cleanup) => cleanup(signal))),
    new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
  ]);
}

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      if (handling) return;
      handling = true;
      process.stderr.write(`infra-action: ${signal} received, cleaning up…\n`);
      void runInterruptCleanups(signal).finally(() => process.exit(code));
    });
  }
}
