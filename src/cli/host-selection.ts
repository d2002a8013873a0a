// The options every command that reaches hosts shares (--limit, --data, --secret) and the inventory
// load they steer.
import type { Command } from "commander";
import { publicApiProvider } from "../engine/public-api.js";
import { loadInventory } from "../inventory/load-inventory.js";
import { parseOverrides } from "../inventory/overrides.js";
import { applyShard, describeShard, parseShard } from "../inventory/shard.js";
import type { Inventory } from "../inventory/types.js";
import type { CliSecrets } from "./secrets.js";

export interface HostSelectionOptions {
  limit: string[];
  data: string[];
  secret: string[];
  // --shard I/N (plan, apply, exec).
  shard?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function withHostSelection(command: Command): Command {
  return command
    .option("--limit <hosts>", "only these groups, host names or globs (repeatable, comma-separated)", collect, [])
    .option("--data <key=value>", "override data for every host (repeatable)", collect, [])
    .option(
      "--secret <name>",
      "an environment variable holding a secret: its value is redacted from all output and reports (repeatable)",
      collect,
      [],
    );
}

// Adds --shard I/N (plan, apply, exec): one part of the selected hosts, for a matrix job.
export function withShard(command: Command): Command {
  return command.option(
    "--shard <I/N>",
    "only shard I of N: hosts split by a hash of their name, after --limit (for a CI matrix)",
  );
}

// Loads the inventory; the --secret values and the passwords in host data are redacted from then on.
export async function loadSelectedHosts(
  file: string,
  options: HostSelectionOptions,
  secrets: CliSecrets,
): Promise<Inventory> {
  secrets.addEnvironment(options.secret);
  // A bad --shard is refused before the inventory is read.
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const inventory = await loadInventory(file, {
    limit: options.limit,
    overrides: parseOverrides(options.data),
    api: publicApiProvider,
  });
  secrets.addHostData(inventory.hosts);
  if (!shard) return inventory;
  // --limit applies first. Host-data secrets were taken from every selected host above: they key
  // the plan digest, which every shard and the unsharded run must compute alike.
  const part = applyShard(inventory, shard);
  secrets.io.stderr(`${describeShard(shard, part.hosts.length, inventory.hosts.length)}\n`);
  return part;
}
