// One host's run of the deploy files: the `host` they see, and the operations they register, in
// call order, with their global arguments and where in the deploy file they were called.
import type { CommandOptions } from "../connectors/connector.js";
import { FactError, isUserError, OperationError } from "../errors.js";
import { type Fact, isUnreadable } from "../facts/fact.js";
import { checkFactArguments } from "../facts/fact-arguments.js";
import { factByName, facts } from "../facts/index.js";
import { currentDeployGroups } from "../host/deploy-group.js";
import { createHost, type Host } from "../host/host.js";
import type { InventoryHost } from "../inventory/types.js";
import { userFrame } from "../loader/load-module.js";
import { operationFamilies } from "../operations/index.js";
import { bindOperation, type OperationDefinition } from "../operations/operation.js";
import { closestName } from "../util/closest.js";
import { describeValue } from "../util/describe-value.js";
import { describeCannotTell } from "./cannot-tell.js";
import type { FactGatherer } from "./fact-gatherer.js";
import { escalationArgNames, type GlobalArgs, splitArgs, sudoOptions } from "./global-args.js";
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
  // The deploy (`deploy(name, fn)`) it was called in: "Web server", nested "Web server › nginx".
  deploy?: string;
}

export class DeployContext {
  readonly operations: RegisteredOperation[] = [];
  readonly host: Host;
  // One per host.getFact call, resolved (never rejected) when it is done: the engine waits for them
  // without handling their rejections, so one deploy code left unhandled still surfaces.
  readonly factReads: Promise<void>[] = [];
  private closed = false;
  // Let go by release(): a deploy file's module instance (Node keeps it until the process ends)
  // holds this host's `host`, and through it would hold its facts and its connection.
  private gatherer: FactGatherer | undefined;

  constructor(
    readonly inventoryHost: InventoryHost,
    gatherer: FactGatherer,
  ) {
    this.gatherer = gatherer;
    const getFact = async (name: string | Fact<never, unknown>, args?: unknown) => {
      let settled = () => {};
      this.factReads.push(new Promise<void>((resolve) => (settled = resolve)));
      try {
        return await readFact(name, args);
      } finally {
        settled();
      }
    };
    const readFact = async (name: string | Fact<never, unknown>, args?: unknown) => {
      // A fact by its name, or a user's own fact (made with defineFact) itself.
      const fact = typeof name === "string" ? factByName(name) : isFact(name) ? name : undefined;
      if (!fact) throw new FactError(describeUnknownFact(name));
      const { own, sudo } = splitFactArgs(args);
      const call = `host.getFact(${typeof name === "string" ? `"${name}"` : fact.name}${own === undefined ? "" : `, ${JSON.stringify(own)}`})`;
      const problem = checkFactArguments(fact, own);
      if (problem) throw new FactError(`${call}: ${problem}.`);
      if (!this.gatherer) {
        const location = userFrame(new Error().stack ?? "");
        throw new FactError(
          `${location ? `${location}: ` : ""}${call} was called after infra-action had finished with this host (a missing await?); nothing was read.`,
        );
      }
      const value = await this.gatherer.get(fact, own, sudo);
      if (isUnreadable(value)) throw new FactError(`${call}: ${describeCannotTell(value.unreadable, sudo)}`);
      return value;
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
    // A user's operations register with this host too: defineOperation bound to it.
    const defineOperation = (definition: OperationDefinition<unknown, unknown>) =>
      bindOperation(definition, (args) => this.register(definition, args));
    return { host: this.host, ...families, defineOperation };
  }

  // Ends the deploy code's turn: operations called after it (from a promise nobody awaited) are refused.
  close(): void {
    this.closed = true;
  }

  // Ends the host's run: `host.getFact` (still served while the host applies: python.call's
  // functions read facts then) is refused from now on, and its facts and connection can be freed.
  release(): void {
    this.gatherer = undefined;
  }

  // Records an operation call; bad arguments throw at once, naming the operation and the line.
  register(definition: OperationDefinition<unknown, unknown>, raw: Record<string, unknown>): OperationHandle {
    const location = userFrame(new Error().stack ?? "");
    if (this.closed) {
      throw new OperationError(
        `${location ? `${location}: ` : ""}${definition.name} was called after this host's deploy code had finished (a missing await?); it was not planned.`,
      );
    }
    try {
      const { name, global, own } = splitArgs(raw ?? {}, this.inventoryHost.data, isOperationHandle);
      const args = definition.validate(own);
      const label = name ?? defaultLabel(definition.name, own);
      const handle = new OperationHandle(label);
      const groups = currentDeployGroups();
      this.operations.push({
        index: this.operations.length,
        label,
        definition,
        args,
        global,
        handle,
        ...(location ? { location } : {}),
        ...(groups.length ? { deploy: groups.join(" › ") } : {}),
      });
      return handle;
    } catch (error) {
      if (!isUserError(error)) throw error;
      throw new OperationError(`${location ? `${location}: ` : ""}${definition.name}: ${error.message}`);
    }
  }
}

// A getFact argument object split into the fact's own arguments and the global arguments that
// say who reads it (`_sudo`, `_sudo_user`, `_sudo_password`, `_su_user`, `_doas`, …): facts are
// read as that user, as operations read theirs.
function splitFactArgs(args: unknown): { own: unknown; sudo: CommandOptions } {
  if (args === null || typeof args !== "object" || Array.isArray(args)) return { own: args, sudo: {} };
  const rest: Record<string, unknown> = {};
  const who: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args as Record<string, unknown>)) {
    if ((escalationArgNames as readonly string[]).includes(key)) who[key] = value;
    else rest[key] = value;
  }
  const own = Object.keys(rest).length || Object.keys(args).length === 0 ? rest : undefined;
  if (!Object.keys(who).length) return { own, sudo: {} };
  try {
    return { own, sudo: sudoOptions(splitArgs(who, {}, isOperationHandle).global) };
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new FactError(`host.getFact: ${error.message}`);
  }
}

// "apt.packages nginx, curl", "files.template /etc/nginx/nginx.conf", "postgres.role app", "server.shell".
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
    "role",
    "database",
  ]) {
    const value = args[key];
    if (value === undefined) continue;
    const shown = Array.isArray(value) ? value.join(", ") : String(value);
    return `${operation} ${shown.length > 60 ? `${shown.slice(0, 59)}…` : shown}`;
  }
  return operation;
}

// Why host.getFact cannot read `name`: no fact of that name (the nearest one suggested), or not a fact.
function describeUnknownFact(name: unknown): string {
  if (typeof name !== "string")
    return `host.getFact takes a fact's name ("File") or a fact made with defineFact; it was given ${describeValue(name)}.`;
  const near = closestName(name, Object.keys(facts));
  return `host.getFact: there is no fact "${name}"${near ? ` (did you mean "${near}"?)` : ""}.`;
}

// Whether a value is a fact made with defineFact (a name, a command and a parser).
function isFact(value: unknown): value is Fact<never, unknown> {
  const fact = value as Partial<Fact<never, unknown>> | null;
  return (
    typeof fact === "object" &&
    fact !== null &&
    typeof fact.name === "string" &&
    typeof fact.command === "function" &&
    typeof fact.parse === "function"
  );
}
