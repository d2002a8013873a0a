// Runs the bundled action (dist/index.js) the way the GitHub runner does: INPUT_* variables with
// hyphenated names kept, GITHUB_* variables, an event JSON, output and summary files, cwd = workspace.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "./run-cli.js";
import { spawnCollect } from "./spawn-collect.js";

// INFRA_ACTION_TEST_ACTION runs the tests against a bundle built elsewhere (dist/ is rebuilt by the lead).
const actionPath =
  process.env.INFRA_ACTION_TEST_ACTION ?? fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface ActionResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  // Every file the run left in RUNNER_TEMP, by name.
  tempFiles: string[];
  runnerTemp: string;
}

export interface ActionRun {
  workspace?: string;
  // "pull_request" or "push"
  event?: string;
  payload?: Record<string, unknown>;
  // Base URL of the (loopback) GitHub API.
  apiUrl?: string;
  env?: Record<string, string>;
}

// The commit every run is for (GITHUB_SHA), unless the event names a pull request's head.
export const pushedCommit = "0123456789abcdef0123456789abcdef01234567";

// Runs the action with the given inputs (names as in action.yml).
export async function runAction(inputs: Record<string, string>, run: ActionRun = {}): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), "infra-action-runner-"));
  const outputFile = join(dir, "output");
  const summaryFile = join(dir, "summary");
  const eventFile = join(dir, "event.json");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  writeFileSync(eventFile, JSON.stringify(run.payload ?? {}));
  const workspace = run.workspace ?? repoRoot;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: run.event ?? "push",
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: "acme/infra",
    GITHUB_WORKFLOW: "deploy",
    GITHUB_JOB: "plan",
    GITHUB_RUN_ID: "4242",
    GITHUB_SHA: pushedCommit,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_API_URL: run.apiUrl ?? "http://127.0.0.1:9",
    RUNNER_TEMP: dir,
    ...run.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  const result = await spawnCollect(process.execPath, [actionPath], { cwd: workspace, env, timeoutMs: 180_000 });
  return {
    ...result,
    outputs: parseOutputs(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    tempFiles: readdirSync(dir),
    runnerTemp: dir,
  };
}

// Reads the runner's output file (name<<delimiter … delimiter blocks).
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!match?.[1] || !match[2]) continue;
    const end = lines.indexOf(match[2], i + 1);
    if (end < 0) throw new Error(`output ${match[1]} has no closing delimiter ${match[2]}:\n${text}`);
    outputs[match[1]] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}
