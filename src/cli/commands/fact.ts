// `infra-action fact INVENTORY FACT [key=value...]`: each host's fact, as JSON.
import { parseFactRequest, readFact } from "../../engine/read-fact.js";
import { type HostSelectionOptions, loadSelectedHosts } from "../host-selection.js";
import { positiveInteger } from "../numbers.js";
import type { CliSecrets } from "../secrets.js";
import { abortOnSignals } from "../signals.js";

export interface FactCommandOptions extends HostSelectionOptions {
  parallel: string;
}

// Prints {"host": value, …}; a host that cannot be reached, or would not tell, gets {"error": "…"} and exit code 1.
export async function factCommand(
  file: string,
  name: string,
  rawArgs: string[],
  options: FactCommandOptions,
  secrets: CliSecrets,
): Promise<number> {
  const { io } = secrets;
  // The fact and its arguments are checked before any host is contacted.
  const request = parseFactRequest(name, rawArgs);
  const parallel = positiveInteger(options.parallel, "--parallel");
  const inventory = await loadSelectedHosts(file, options, secrets);
  // SIGINT/SIGTERM: the engine disconnects every connected host (a container made for it removed), then exit.
  const guard = abortOnSignals(io.stderr);
  const { values, failed } = await guard
    .watch(
      readFact(
        inventory.hosts,
        request,
        parallel,
        { warn: (message) => io.stderr(`warning: ${message}\n`) },
        { signal: guard.signal },
      ),
    )
    .finally(() => guard.dispose());
  io.stdout(`${JSON.stringify(Object.fromEntries(inventory.hosts.map((h, i) => [h.name, values[i]])), null, 2)}\n`);
  return failed ? 1 : 0;
}
