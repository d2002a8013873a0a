// The connectors of an ad-hoc run (exec, fact), each disconnected exactly once.
import type { Connector } from "../connectors/connector.js";

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
export function trackConnectors(): ConnectorTracker {
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
