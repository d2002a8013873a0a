// Connectors by name, each with the host data keys it reads.

import type { ConnectContext, Connector } from "./connector.js";
import type { DataKeySpec } from "./data-keys.js";
import { DockerConnector, dockerDataKeys } from "./docker.js";
import type { ConnectorName } from "./host-name.js";
import { LocalConnector, localDataKeys } from "./local.js";
import { SshConnector, sshDataKeys } from "./ssh/ssh.js";

export interface ConnectorDefinition {
  dataKeys: readonly DataKeySpec[];
  create(host: string, data: Readonly<Record<string, unknown>>, context: ConnectContext): Connector;
}

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
