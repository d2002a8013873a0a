// The faces own the process: SIGINT/SIGTERM abort the engine's signal, and the process exits with
// 128 + the signal's number once the engine's run has settled (or the clean-up time is up).
import { describe, expect, test } from "vitest";
import { abortOnSignals as actionSignals } from "../../src/action/signals.js";
import { abortOnSignals as cliSignals } from "../../src/cli/signals.js";

// Removes the handlers a test installed (those not there before it), leaving the runner's own.
function handlersSince(): () => void {
  const before = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  return () => {
    for (const name of ["SIGINT", "SIGTERM"] as const) {
      for (const listener of process.listeners(name)) if (!before[name].includes(listener)) process.off(name, listener);
    }
  };
}

const faces = [
  ["the CLI", cliSignals],
  ["the action", actionSignals],
] as const;

describe.each(faces)("%s's signal handlers", (_face, abortOnSignals) => {
  test.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s: says so, aborts the engine's signal, exits %i once the run has settled", async (signal, code) => {
    const written: string[] = [];
    const exits: number[] = [];
    const removeHandlers = handlersSince();
    const guard = abortOnSignals(
      (text) => void written.push(text),
      (exitCode) => void exits.push(exitCode),
      1_000,
    );
    let finish: () => void = () => undefined;
    // The engine's run: it settles once it has cleaned up after the abort.
    guard.watch(new Promise<void>((resolve) => (finish = resolve)));
    try {
      process.emit(signal);
      expect(written).toEqual([`infra-action: ${signal} received, cleaning up…\n`]);
      expect(guard.signal.aborted).toBe(true);
      expect(guard.signal.reason).toBe(signal);
      // A second signal while cleaning up changes nothing.
      process.emit(signal);
      expect(written).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(exits).toEqual([]);
      finish();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(exits).toEqual([code]);
    } finally {
      removeHandlers();
    }
  });

  test("a run that never settles: the process exits when the clean-up time is up", async () => {
    const exits: number[] = [];
    const removeHandlers = handlersSince();
    const guard = abortOnSignals(
      () => undefined,
      (exitCode) => void exits.push(exitCode),
      30,
    );
    guard.watch(new Promise<void>(() => undefined));
    try {
      process.emit("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(exits).toEqual([143]);
    } finally {
      removeHandlers();
    }
  });

  test("after the run, the handlers are gone", () => {
    const before = process.listenerCount("SIGTERM");
    const guard = abortOnSignals(
      () => undefined,
      () => undefined,
    );
    expect(process.listenerCount("SIGTERM")).toBe(before + 1);
    guard.dispose();
    expect(process.listenerCount("SIGTERM")).toBe(before);
    expect(guard.signal.aborted).toBe(false);
  });
});
