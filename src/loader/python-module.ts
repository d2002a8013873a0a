// Reads a pyinfra `.py` inventory or group data file through python3 into [name, value] pairs, the
// same shape the module loader gives for TypeScript, so one set of inventory rules reads both.
import { extname, resolve } from "node:path";
import { type PythonVariables, readPythonRun } from "./python-result.js";
import { type PythonRunOptions, runPythonFile } from "./python-run.js";

// Tells a pyinfra Python file (`inventory.py`, `group_data/web.py`) from a module the loader reads.
export function isPythonFile(path: string): boolean {
  return extname(path).toLowerCase() === ".py";
}

// Runs the file (which the loader found to exist) with python3 and returns its variables in definition
// order, plus warnings for top-level values that are not data. Every problem is an InventoryError
// naming the file.
export async function loadPythonModule(
  path: string,
  role: string,
  options: PythonRunOptions = {},
): Promise<PythonVariables & { file: string }> {
  const file = resolve(path);
  return { file, ...readPythonRun(await runPythonFile(file, options), file, role) };
}
