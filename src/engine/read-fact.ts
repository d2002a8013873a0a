// `infra-action fact`: one fact, with arguments given as key=value text, read on every host.
import type { ConnectContext, Connector } from "../connectors/connector.js";
import { isUserError, UsageError } from "../errors.js";
import { type Fact, isUnreadable } from "../facts/fact.js";
import { checkFactArguments, factArgumentFromText } from "../facts/fact-arguments.js";
import { factByName, facts } from "../facts/index.js";
import type { InventoryHost } from "../inventory/types.js";
import { closestName } from "../util/closest.js";
import { createConnector } from "./connect.js";
import { FactGatherer } from "./fact-gatherer.js";
import { eachHostUntilAborted } from "./track-connectors.js";

export interface FactRequest {
  fact: Fact<never, unknown>;
  args: Record<string, unknown> | undefined;
}

// The fact and its arguments from the command line, or a UsageError naming what is wrong and the fix.
export function parseFactRequest(name: string, rawArgs: readonly string[]): FactRequest {
  const fact = factByName(name);
  if (!fact) {
    const near = closestName(name, Object.keys(facts));
    throw new UsageError(
      `there is no fact "${name}"${near ? ` (did you mean "${near}"?)` : ""}. Facts: ${Object.keys(facts).join(", ")}.`,
    );
  }
  const entries = rawArgs.map((item) => {
    const eq = item.indexOf("=");
    if (eq < 1) throw new UsageError(`fact argument ${JSON.stringify(item)} is not key=value (e.g. path=/etc/hosts).`);
    const key = item.slice(0, eq);
    return [key, factArgumentFromText(fact, key, item.slice(eq + 1))] as const;
  });
  const args = entries.length ? Object.fromEntries(entries) : undefined;
  const problem = checkFactArguments(fact, args);
  if (problem) {
    const example = Object.entries(fact.arguments ?? {})
      .filter(([, spec]) => spec.required)
      .map(([key]) => `${key}=…`)
      .join(" ");
    throw new UsageError(
      `${problem}. Give arguments as key=value${example ? ` (e.g. infra-action fact INVENTORY ${fact.name} ${example})` : ""}.`,
    );
  }
  return { fact, args };
}

// What fact reading reaches the world through; tests hand in fakes.
export interface ReadFactSeams {
  connect?: (host: InventoryHost, context: ConnectContext) => Connector;
  // Aborted by a face on SIGINT/SIGTERM, with the signal's name as its reason.
  signal?: AbortSignal;
}

// Each host's value, or {error} when it cannot be reached or would not tell; `failed` when any did.
// On abort every connected host is disconnected, then it rejects with an InterruptedError.
export async function readFact(
  hosts: readonly InventoryHost[],
  request: FactRequest,
  parallel: number,
  context: ConnectContext,
  seams: ReadFactSeams = {},
): Promise<{ values: unknown[]; failed: boolean }> {
  const connect = seams.connect ?? createConnector;
  let failed = false;
  const values = await eachHostUntilAborted(
    hosts,
    parallel,
    seams.signal,
    () => undefined as unknown,
    async (host, connectors) => {
      const connector = connect(host, context);
      connectors.add(connector);
      try {
        await connector.connect();
        const value = await new FactGatherer(
          host.name,
          () => connector,
          () => undefined,
        ).get(request.fact, request.args);
        if (!isUnreadable(value)) return value;
        failed = true;
        return { error: value.unreadable };
      } catch (error) {
        if (!isUserError(error)) throw error;
        failed = true;
        return { error: error.message };
      } finally {
        await connectors.disconnect(connector);
      }
    },
  );
  return { values, failed };
}
