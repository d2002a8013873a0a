// Binds each evaluation of a deploy file (an "instance", one per host) to the host it runs for.
import { UserError } from "../errors.js";
import { currentBoundApi } from "./deploy-group.js";
import type { Host } from "./host.js";

const boundApis = new Map<string, Record<string, unknown>>();

// Binds (or, with undefined, releases) what an instance's `import … from "infra-action"` gets:
// `host` and the operations, bound to that instance's host.
export function bindInstance(instance: string, bound: Record<string, unknown> | undefined): void {
  if (bound) boundApis.set(instance, bound);
  else boundApis.delete(instance);
}

// The API as one instance sees it: the same members, with the bound ones in place.
export function apiForInstance(api: Record<string, unknown>, instance: string): Record<string, unknown> {
  const bound = boundApis.get(instance);
  if (!bound) throw new UserError(`No host is bound to deploy instance "${instance}".`);
  return { ...api, ...bound };
}

const outsideDeploy = (member: string): never => {
  throw new UserError(
    `\`host.${member}\` is only available in a deploy file while infra-action runs it for a host; inventory and group data files describe hosts and have no current host.`,
  );
};

// The host whose deploy code runs here (code evaluated once, such as a deploy package), if any.
const runningHost = (): Host | undefined => currentBoundApi()?.host as Host | undefined;

// The `host` seen outside a deploy file's own evaluation: the running host's, else every use is a clear error.
export const unboundHost: Host = Object.freeze({
  get name(): string {
    return runningHost()?.name ?? outsideDeploy("name");
  },
  get groups(): readonly string[] {
    return runningHost()?.groups ?? outsideDeploy("groups");
  },
  get data(): Host["data"] {
    return runningHost()?.data ?? outsideDeploy("data");
  },
  getFact: ((...args: Parameters<Host["getFact"]>) => {
    const host = runningHost();
    return host ? host.getFact(...args) : outsideDeploy("getFact");
  }) as Host["getFact"],
});
