// Binds each evaluation of a deploy file (an "instance", one per host) to the host it runs for.
import { UserError } from "../errors.js";
import type { Host } from "./host.js";

const boundHosts = new Map<string, Host>();

// Binds (or, with undefined, releases) the host an instance's `import { host } from "infra-action"` gets.
export function bindInstanceHost(instance: string, bound: Host | undefined): void {
  if (bound) boundHosts.set(instance, bound);
  else boundHosts.delete(instance);
}

// The API as one instance sees it: the same members with `host` bound to that instance's host.
export function apiForInstance(api: Record<string, unknown>, instance: string): Record<string, unknown> {
  const bound = boundHosts.get(instance);
  if (!bound) throw new UserError(`No host is bound to deploy instance "${instance}".`);
  return { ...api, host: bound };
}

const outsideDeploy = (member: string): never => {
  throw new UserError(
    `\`host.${member}\` is only available in a deploy file while infra-action runs it for a host; inventory and group data files describe hosts and have no current host.`,
  );
};

// The `host` seen outside any deploy instance: every use is a clear error.
export const unboundHost: Host = Object.freeze({
  get name(): string {
    return outsideDeploy("name");
  },
  get groups(): readonly string[] {
    return outsideDeploy("groups");
  },
  get data(): Host["data"] {
    return outsideDeploy("data");
  },
});
