// Removal of every bench container (found by label), asynchronously or, for the signal handler,
// synchronously.
import { spawnSync } from "node:child_process";
import { MINUTE, tail } from "../../scripts/lib/processes.mjs";
import { run } from "./output.mjs";
import { LABEL } from "./settings.mjs";

// Removes every bench container (by label); bounded, best effort.
export async function removeBenchContainers() {
  const list = await run("docker", ["ps", "-aq", "--filter", `label=${LABEL}`], { timeoutMs: MINUTE });
  const ids = list.stdout.split(/\s+/).filter(Boolean);
  if (ids.length === 0) return;
  const result = await run("docker", ["rm", "-f", ...ids], { timeoutMs: 3 * MINUTE });
  if (result.code !== 0) console.error(`bench: docker rm -f failed: ${tail(result.stderr, 5)}`);
}

// The same, synchronously, for the signal handler.
export function removeBenchContainersSync() {
  const list = spawnSync("docker", ["ps", "-aq", "--filter", `label=${LABEL}`], { timeout: MINUTE, encoding: "utf8" });
  const ids = (list.stdout ?? "").split(/\s+/).filter(Boolean);
  if (ids.length > 0) spawnSync("docker", ["rm", "-f", ...ids], { timeout: 3 * MINUTE });
}
