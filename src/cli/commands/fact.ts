// `infra-action fact INVENTORY FACT [key=value...]`: each host's fact, as JSON.
import { createConnector } from "../../connectors/registry.js";
import { FactGatherer } from "../../engine/fact-gatherer.js";
import { isUserError, UsageError } from "../../errors.js";
import { factByName, facts } from "../../facts/index.js";
import { parseValue } from "../../inventory/overrides.js";
import { closestName } from "../../util/closest.js";
import { mapLimit } from "../../util/parallel.js";
import { type HostSelectionOptions, loadSelectedHosts } from "../host-selection.js";
import { positiveInteger } from "../numbers.js";
import type { CliSecrets } from "../secrets.js";

export interface FactCommandOptions extends HostSelectionOptions {
  parallel: string;
}

// Prints {"host": value, …}; a host that cannot be reached gets {"error": "…"} and exit code 1.
export async function factCommand(
  file: string,
  name: string,
  rawArgs: string[],
  options: FactCommandOptions,
  secrets: CliSecrets,
): Promise<number> {
  const { io } = secrets;
  const fact = factByName(name);
  if (!fact) {
    const near = closestName(name, Object.keys(facts));
    throw new UsageError(
      `there is no fact "${name}"${near ? ` (did you mean "${near}"?)` : ""}. Facts: ${Object.keys(facts).join(", ")}.`,
    );
  }
  const args = rawArgs.length
    ? Object.fromEntries(
        rawArgs.map((item) => {
          const eq = item.indexOf("=");
          if (eq < 1)
            throw new UsageError(`fact argument ${JSON.stringify(item)} is not key=value (e.g. path=/etc/hosts).`);
          return [item.slice(0, eq), parseValue(item.slice(eq + 1))];
        }),
      )
    : undefined;
  const inventory = await loadSelectedHosts(file, options, secrets);
  let failed = false;
  const values = await mapLimit(inventory.hosts, positiveInteger(options.parallel, "--parallel"), async (host) => {
    const connector = createConnector(host, { warn: (message) => io.stderr(`warning: ${message}\n`) });
    try {
      await connector.connect();
      return await new FactGatherer(host.name, connector, () => undefined).get(fact, args);
    } catch (error) {
      if (!isUserError(error)) throw error;
      failed = true;
      return { error: error.message };
    } finally {
      await connector.disconnect().catch(() => undefined);
    }
  });
  io.stdout(`${JSON.stringify(Object.fromEntries(inventory.hosts.map((h, i) => [h.name, values[i]])), null, 2)}\n`);
  return failed ? 1 : 0;
}
