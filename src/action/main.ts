// The GitHub Action's entry: inputs → one run → log and outputs. The only code that knows GitHub.
import * as core from "@actions/core";
import { formatInventory } from "../cli/format-inventory.js";
import { isUserError, UsageError } from "../errors.js";
import { loadInventory } from "../inventory/load-inventory.js";
import { parseOverrides } from "../inventory/overrides.js";
import { displayPath } from "../loader/load-module.js";

interface ActionSettings {
  inventory: string;
  limit: string[];
  data: string[];
  workingDirectory: string;
}

// Reads the action's inputs into one settings object.
function readSettings(): ActionSettings {
  return {
    inventory: requireInput("inventory", "the path of your inventory file, e.g. `inventory: inventory/production.ts`"),
    limit: core.getMultilineInput("limit"),
    data: core.getMultilineInput("data"),
    workingDirectory: core.getInput("working-directory") || ".",
  };
}

function requireInput(name: string, what: string): string {
  const value = core.getInput(name);
  if (!value)
    throw new UsageError(`The \`${name}\` input is required: ${what}. Add it under \`with:\` in your workflow.`);
  return value;
}

// Resolves the inventory and shows it in the log, one group per stage.
export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    process.chdir(settings.workingDirectory);
    const inventory = await core.group("Load inventory", async () => {
      const loaded = await loadInventory(settings.inventory, {
        limit: settings.limit,
        overrides: parseOverrides(settings.data, "input data:"),
      });
      core.info(formatInventory(loaded, displayPath(loaded.file)));
      return loaded;
    });
    for (const warning of inventory.warnings) core.warning(warning);
  } catch (error) {
    core.setFailed(isUserError(error) ? error.message : ((error as Error)?.stack ?? String(error)));
  }
}

await run();
