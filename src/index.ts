// The public API deploy files import: `import { host } from "infra-action"`.
import type { Host } from "./host/host.js";
import { unboundHost } from "./host/instances.js";

export type { Host, HostData, HostDataView } from "./host/host.js";

// The host the running deploy file is executing for (bound per host by the engine).
export const host: Host = unboundHost;
