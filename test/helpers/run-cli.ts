// Runs the bundled CLI (dist/cli.js) as a user would, capturing what they would see.
import { fileURLToPath } from "node:url";
import { spawnCollect } from "./spawn-collect.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
// INFRA_ACTION_TEST_CLI runs the tests against a bundle built elsewhere (dist/ is rebuilt by the lead).
export const cliPath =
  process.env.INFRA_ACTION_TEST_CLI ?? fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  // The Node binary to run (defaults to the one running the tests, Node 24 under `npm test`).
  node?: string;
  timeoutMs?: number;
}

// Runs `node dist/cli.js ...args` and resolves with its exit code and output (never rejects on failure).
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return spawnCollect(options.node ?? process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    timeoutMs: options.timeoutMs ?? 20_000,
  });
}

// Runs `infra-action inventory FILE --json` and parses what it printed.
export async function inventoryJson(file: string, args: readonly string[] = [], options: RunOptions = {}) {
  const result = await runCli(["inventory", file, "--json", ...args], options);
  if (result.exitCode !== 0) throw new Error(`inventory ${file} exited ${result.exitCode}: ${result.stderr}`);
  return JSON.parse(result.stdout) as {
    hosts: Array<{ name: string; connector: string; groups: string[]; data: Record<string, unknown> }>;
    groups: Record<string, string[]>;
    warnings: string[];
  };
}
