// The engine's connect seam: connectors by name, each with the host data keys it reads, and the
// factory that makes an inventory host's connector.
import type { ConnectContext, Connector } from "../connectors/connector.js";
import type { DataKeySpec } from "../connectors/data-keys.js";
import { DockerConnector, dockerDataKeys } from "../connectors/docker.js";
import { LocalConnector, localDataKeys } from "../connectors/local.js";
import { SshConnector, sshDataKeys } from "../connectors/ssh/ssh.js";
import type { ConnectorName } from "../inventory/host-name.js";

// One connector kind: the host data keys it reads and how to make one for a host.
export interface ConnectorDefinition {
  dataKeys: readonly DataKeySpec[];
  create(host: string, data: Readonly<Record<string, unknown>>, context: ConnectContext): Connector;
}

// Every connector kind, by the name a host name selects (see src/inventory/host-name.ts).
export const connectors: Record<ConnectorName, ConnectorDefinition> = {
  ssh: { dataKeys: sshDataKeys, create: (host, data, context) => new SshConnector(host, data, context) },
  local: { dataKeys: localDataKeys, create: (host) => new LocalConnector(host) },
  docker: { dataKeys: dockerDataKeys, create: (host) => new DockerConnector(host) },
};

// Makes the connector for an inventory host (not yet connected).
export function createConnector(
  host: { name: string; connector: ConnectorName; data: Readonly<Record<string, unknown>> },
  context: ConnectContext = {},
): Connector {
  return connectors[host.connector].create(host.name, host.data, context);
}
