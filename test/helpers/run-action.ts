// Runs the bundled action (dist/index.js) the way the GitHub runner does: INPUT_* variables with
// hyphenated names kept, GITHUB_* variables, output and summary files, cwd = workspace.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./run-cli.js";

const actionPath = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface ActionResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
}

// Runs the action with the given inputs (names as in action.yml) in `workspace`.
export function runAction(inputs: Record<string, string>, workspace = repoRoot): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), "infra-action-runner-"));
  const outputFile = join(dir, "output");
  const summaryFile = join(dir, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [actionPath], { cwd: workspace, env, timeout: 30_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (exitCode) =>
      resolve({
        exitCode,
        stdout,
        stderr,
        outputs: readFileSync(outputFile, "utf8"),
        summary: readFileSync(summaryFile, "utf8"),
      }),
    );
  });
}
