// One host's run of the deploy files: the `host` they see, and the operations they register, in
// call order, with their global arguments and where in the deploy file they were called.
import { isUserError, OperationError, UserError } from "../errors.js";
import { factByName, facts } from "../facts/index.js";
import { createHost, type Host } from "../host/host.js";
import type { InventoryHost } from "../inventory/types.js";
import { userFrame } from "../loader/load-module.js";
import { operationFamilies } from "../operations/index.js";
import type { OperationDefinition } from "../operations/operation.js";
import { closestName } from "../util/closest.js";
import type { FactGatherer } from "./fact-gatherer.js";
import { type GlobalArgs, splitArgs } from "./global-args.js";
import { isOperationHandle, OperationHandle } from "./operation-handle.js";

export interface RegisteredOperation {
  index: number;
  // The `name` given, else the operation and its main argument ("apt.packages nginx").
  label: string;
  definition: OperationDefinition<unknown, unknown>;
  args: unknown;
  global: GlobalArgs;
  handle: OperationHandle;
  // "deploy.ts:12:1"
  location?: string;
}

export class DeployContext {
  readonly operations: RegisteredOperation[] = [];
  readonly host: Host;

  constructor(
    readonly inventoryHost: InventoryHost,
    gatherer: FactGatherer,
  ) {
    const getFact = (name: string, args?: unknown) => {
      const fact = factByName(name);
      if (!fact) {
        const near = closestName(name, Object.keys(facts));
        return Promise.reject(
          new UserError(`host.getFact: there is no fact "${name}"${near ? ` (did you mean "${near}"?)` : ""}.`),
        );
      }
      return gatherer.get(fact, args);
    };
    this.host = createHost(inventoryHost.name, inventoryHost.groups, inventoryHost.data, getFact as Host["getFact"]);
  }

  // The API a deploy file evaluated for this host imports: `host` and every operation family.
  api(): Record<string, unknown> {
    const families = Object.fromEntries(
      Object.entries(operationFamilies).map(([family, operations]) => [
        family,
        Object.fromEntries(
          Object.entries(operations).map(([name, definition]) => [
            name,
            (args: Record<string, unknown> = {}) =>
              this.register(definition as unknown as OperationDefinition<unknown, unknown>, args),
          ]),
        ),
      ]),
    );
    return { host: this.host, ...families };
  }

  // Records an operation call; bad arguments throw at once, naming the operation and the line.
  register(definition: OperationDefinition<unknown, unknown>, raw: Record<string, unknown>): OperationHandle {
    const location = userFrame(new Error().stack ?? "");
    try {
      const { name, global, own } = splitArgs(raw ?? {}, this.inventoryHost.data, isOperationHandle);
      const args = definition.validate(own);
      const label = name ?? defaultLabel(definition.name, own);
      const handle = new OperationHandle(label);
      this.operations.push({
        index: this.operations.length,
        label,
        definition,
        args,
        global,
        handle,
        ...(location ? { location } : {}),
      });
      return handle;
    } catch (error) {
      if (!isUserError(error)) throw error;
      throw new OperationError(`${location ? `${location}: ` : ""}${definition.name}: ${error.message}`);
    }
  }
}

// "apt.packages nginx, curl", "files.template /etc/nginx/nginx.conf", "server.shell".
function defaultLabel(operation: string, args: Record<string, unknown>): string {
  for (const key of [
    "packages",
    "dest",
    "path",
    "service",
    "user",
    "group",
    "hostname",
    "key",
    "src",
    "commands",
    "command",
    "port",
  ]) {
    const value = args[key];
    if (value === undefined) continue;
    const shown = Array.isArray(value) ? value.join(", ") : String(value);
    return `${operation} ${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}`;
  }
  return operation;
}
