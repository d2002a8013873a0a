// How the engine hears of an abort (the faces abort its signal on SIGINT/SIGTERM): the clean-up
// runs once, then the run's promise rejects with an InterruptedError naming the signal.
import { InterruptedError } from "../errors.js";

// Runs `cleanUp` once when `signal` aborts, then rejects `promise` with an InterruptedError naming
// the signal; `stop` stops listening (the run ended first).
export function whenAborted(signal: AbortSignal | undefined, cleanUp: (signal: string) => Promise<void>) {
  const state: { aborted: boolean; promise: Promise<never>; stop: () => void } = {
    aborted: false,
    promise: new Promise<never>(() => undefined),
    stop: () => undefined,
  };
  if (!signal) return state;
  state.promise = new Promise<never>((_, reject) => {
    const onAbort = () => {
      state.aborted = true;
      const name = signalName(signal);
      void cleanUp(name)
        .catch(() => undefined)
        .then(() => reject(new InterruptedError(name)));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    state.stop = () => signal.removeEventListener("abort", onAbort);
  });
  return state;
}

// The name of the signal an abort stands for (the faces abort with it; anything else is SIGTERM).
export function signalName(signal: AbortSignal): string {
  return typeof signal.reason === "string" ? signal.reason : "SIGTERM";
}
