// Fault scenarios record one row each; `npm run test:faults` prints them as a table.
import { appendFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const faultTableFile = fileURLToPath(new URL("../../.test-env/faults.jsonl", import.meta.url));

export interface FaultRow {
  scenario: string;
  // Hosts the fault hit (reported failed, unreachable or interrupted, as they should be)
  affected: number;
  // Hosts that finished normally
  completed: number;
  // Containers, lock directories, temporary files or processes left behind
  leftovers: number;
  // Secret values found in any output
  secretHits: number;
  // Commands hidden in values that ran (canary files)
  injectionEscapes: number;
}

// Appends a row for the faults table.
export function recordFault(row: FaultRow): void {
  mkdirSync(fileURLToPath(new URL("../../.test-env/", import.meta.url)), { recursive: true });
  appendFileSync(faultTableFile, `${JSON.stringify(row)}\n`);
}
