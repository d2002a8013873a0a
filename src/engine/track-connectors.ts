// The connectors of an ad-hoc run (exec, fact), each disconnected exactly once, and the run over
// its hosts that an abort cuts short.
import type { Connector } from "../connectors/connector.js";
import { InterruptedError } from "../errors.js";
import { mapLimit } from "../util/parallel.js";
import { signalName } from "./abort.js";

export interface ConnectorTracker {
  // A connector made for a host (connected or not).
  add(connector: Connector): void;
  // Disconnects it, or waits for the disconnect already under way.
  disconnect(connector: Connector): Promise<unknown>;
  // On abort: disconnects every connector added, without waiting.
  disconnectAll(): void;
}

// The connectors of a run, each disconnected once: on abort and at its host's end alike, so a host
// (and the run) settles only when that disconnect (a container's removal) has finished.
function trackConnectors(): ConnectorTracker {
  const disconnects = new Map<Connector, Promise<unknown> | undefined>();
  const disconnect = (connector: Connector): Promise<unknown> => {
    const pending = disconnects.get(connector) ?? connector.disconnect().catch(() => undefined);
    disconnects.set(connector, pending);
    return pending;
  };
  return {
    add: (connector: Connector) => void disconnects.set(connector, undefined),
    disconnect,
    disconnectAll: () => {
      for (const connector of disconnects.keys()) void disconnect(connector);
    },
  };
}

// Runs `work` on every host (`parallel` at a time). On abort every connector added is disconnected;
// a host reached after it, or cut by it, gives `cut`; then the run rejects with an InterruptedError.
export async function eachHostUntilAborted<H, R>(
  hosts: readonly H[],
  parallel: number,
  signal: AbortSignal | undefined,
  cut: (host: H) => R,
  work: (host: H, connectors: ConnectorTracker) => Promise<R>,
): Promise<R[]> {
  const connectors = trackConnectors();
  const onAbort = () => connectors.disconnectAll();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const results = await mapLimit([...hosts], parallel, async (host) => {
      if (signal?.aborted) return cut(host);
      try {
        return await work(host, connectors);
      } catch (error) {
        // Interrupted: whatever the cut connection threw, the run rejects as interrupted below.
        if (signal?.aborted) return cut(host);
        throw error;
      }
    });
    if (signal?.aborted) throw new InterruptedError(signalName(signal));
    return results;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
