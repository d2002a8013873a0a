// The action's inputs, read once into one typed settings object, each checked with a message that
// names the input and how to fix it.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { type BatchSize, batchSizeHelp, parseBatchSize } from "../engine/batches.js";
import { UsageError } from "../errors.js";
import { parseShard, type Shard } from "../inventory/shard.js";

export interface ActionSettings {
  // `mode: merge` runs as a plan whose report is merged from `reports`.
  mode: "plan" | "apply";
  // mode: merge — the shard reports to merge: paths or globs, one per line.
  reports?: string[];
  // shard: "I/N" — only this shard of the selected hosts; no pull request comment.
  shard?: Shard;
  // plan-report — the merged plan report an apply shard checks its part against.
  planReport?: string;
  inventory: string;
  deploy: string[];
  limit: string[];
  data: string[];
  parallel: number;
  // Rolling batches (apply): N hosts or P% of them at a time.
  batch?: BatchSize;
  // Apply nothing when more than this percentage failed to plan; with `batch`, per batch.
  failPercent?: number;
  secrets: Record<string, string>;
  sshPrivateKeys: string[];
  sshKnownHosts: string;
  githubToken: string;
  // "auto": on for pull request events.
  prComment: boolean | "auto";
  jobSummary: boolean;
  failOnChanges: boolean;
  expectedPlanDigest?: string;
  workingDirectory: string;
}

// Reads and checks every input.
export function readSettings(): ActionSettings {
  const modeInput = core.getInput("mode") || "plan";
  if (modeInput !== "plan" && modeInput !== "apply" && modeInput !== "merge")
    throw new UsageError(`The mode input must be plan, apply or merge; it is "${modeInput}".`);
  const mode = modeInput === "merge" ? "plan" : modeInput;
  const reports = modeInput === "merge" ? reportsInput() : undefined;
  const shard = shardInput(modeInput);
  const deploy = core.getMultilineInput("deploy");
  if (deploy.length === 0 && !reports)
    throw new UsageError("The deploy input is required: one deploy file per line, e.g. `deploy: deploy.ts`.");
  const parallel = Number(core.getInput("parallel") || "10");
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new UsageError(
      `The parallel input must be a whole number of at least 1; it is "${core.getInput("parallel")}".`,
    );
  const batch = batchInput(core.getInput("batch"));
  const failPercent = failPercentInput(core.getInput("fail-percent"));
  const digest = core.getInput("expected-plan-digest");
  if (digest && !/^[0-9a-f]{64}$/.test(digest)) {
    throw new UsageError("The expected-plan-digest input must be the plan job's plan-digest output (64 hex digits).");
  }
  const planReport = core.getInput("plan-report");
  if (planReport && (modeInput !== "apply" || !digest))
    throw new UsageError(
      "The plan-report input is for mode: apply with expected-plan-digest: give both, the merge job's report and plan-digest outputs (or remove plan-report).",
    );
  if (shard && modeInput === "apply" && digest && !planReport)
    throw new UsageError(
      "With shard and expected-plan-digest, give plan-report too: the merged plan report (the merge job's report, e.g. downloaded with actions/download-artifact), which this shard checks its part of the plan against.",
    );
  const prComment = core.getInput("pr-comment") || "auto";
  return {
    mode,
    ...(reports ? { reports } : {}),
    ...(shard ? { shard } : {}),
    ...(planReport ? { planReport } : {}),
    // Merging reads reports only; the inventory (optional) then only names the comment and summary.
    inventory: reports
      ? core.getInput("inventory")
      : requireInput("inventory", "the path of your inventory file, e.g. `inventory: inventory/production.ts`"),
    deploy,
    limit: core.getMultilineInput("limit"),
    data: core.getMultilineInput("data"),
    parallel,
    ...(batch ? { batch } : {}),
    ...(failPercent === undefined ? {} : { failPercent }),
    secrets: parseSecrets(core.getInput("secrets", { trimWhitespace: false })),
    // Kept exactly as given: a private key needs its trailing newline.
    sshPrivateKeys: core.getInput("ssh-private-key", { trimWhitespace: false })
      ? [core.getInput("ssh-private-key", { trimWhitespace: false })]
      : [],
    sshKnownHosts: core.getInput("ssh-known-hosts"),
    githubToken: core.getInput("github-token"),
    prComment: prComment === "auto" ? "auto" : booleanInput("pr-comment", prComment),
    jobSummary: booleanInput("job-summary", core.getInput("job-summary") || "true"),
    failOnChanges: booleanInput("fail-on-changes", core.getInput("fail-on-changes") || "false"),
    ...(digest ? { expectedPlanDigest: digest } : {}),
    workingDirectory: core.getInput("working-directory") || ".",
  };
}

// The inputs a failure report needs.
export type FailureSettings = Pick<ActionSettings, "mode" | "inventory" | "githubToken" | "prComment" | "jobSummary">;

// The inputs a failure report needs, read without checks (a run may fail on a bad input).
export function readFailureSettings(): FailureSettings {
  const prComment = core.getInput("pr-comment");
  return {
    mode: core.getInput("mode") === "apply" ? "apply" : "plan",
    inventory: core.getInput("inventory"),
    githubToken: core.getInput("github-token"),
    prComment: /^true$/i.test(prComment) ? true : /^false$/i.test(prComment) ? false : "auto",
    jobSummary: !/^false$/i.test(core.getInput("job-summary")),
  };
}

// Changes into the working-directory input; a missing one is an error naming the input and the path.
export function enterWorkingDirectory(directory: string): void {
  const path = resolve(directory);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat)
    throw new UsageError(
      `The working-directory input is "${directory}", but ${path} does not exist. Give a directory of the checked-out repository (is the actions/checkout step before this one, and is the path relative to the repository root?).`,
    );
  if (!stat.isDirectory())
    throw new UsageError(
      `The working-directory input is "${directory}", but ${path} is not a directory. Give the directory your inventory and deploy paths are relative to.`,
    );
  process.chdir(path);
}

// The secrets input: a JSON object (`${{ toJSON(secrets) }}`) or KEY=VALUE lines.
export function parseSecrets(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (!trimmed) return {};
  let entries: Array<[string, string]>;
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression the user types, not a template.
        "The secrets input starts with { but is not valid JSON. Give `${{ toJSON(secrets) }}` or KEY=VALUE lines.",
      );
    }
    entries = Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === "string" ? v : JSON.stringify(v),
    ]);
  } else {
    entries = trimmed
      .split(/\r?\n/)
      .filter((line) => line.trim() && !line.trim().startsWith("#"))
      .map((line, index) => {
        const eq = line.indexOf("=");
        if (eq < 1)
          throw new UsageError(`Line ${index + 1} of the secrets input is not KEY=VALUE (the value is not shown).`);
        return [line.slice(0, eq).trim(), line.slice(eq + 1)];
      });
  }
  for (const [key] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw new UsageError(
        `The secrets input has a key ${JSON.stringify(key)} that is not a valid environment variable name.`,
      );
  }
  return Object.fromEntries(entries);
}

// The reports input (mode: merge): paths or globs, one per line.
function reportsInput(): string[] {
  const reports = core.getMultilineInput("reports");
  if (reports.length === 0)
    throw new UsageError(
      "mode: merge needs the reports input: the shard jobs' report files, paths or globs one per line, e.g. `reports: reports/*/report.json` after actions/download-artifact.",
    );
  return reports;
}

// The shard input: "" (every selected host) or "I/N", for plan and apply only.
function shardInput(mode: string): Shard | undefined {
  const value = core.getInput("shard");
  if (!value) return undefined;
  if (mode === "merge")
    throw new UsageError("The shard input is for the plan and apply shards; mode: merge reads every shard's report.");
  return parseShard(value, "The shard input");
}

function requireInput(name: string, what: string): string {
  const value = core.getInput(name);
  if (!value)
    throw new UsageError(`The \`${name}\` input is required: ${what}. Add it under \`with:\` in your workflow.`);
  return value;
}

// The batch input: "" (no batches), N or P%.
function batchInput(value: string): BatchSize | undefined {
  if (!value) return undefined;
  const size = parseBatchSize(value);
  if (!size)
    throw new UsageError(`The batch input ${batchSizeHelp}, e.g. \`batch: 2\` or \`batch: 25%\`; it is "${value}".`);
  return size;
}

// The fail-percent input: "" (none) or a number from 0 to 100.
function failPercentInput(value: string): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`The fail-percent input must be a number from 0 to 100; it is "${value}".`);
  return n;
}

function booleanInput(name: string, value: string): boolean {
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new UsageError(`The ${name} input must be true or false; it is "${value}".`);
}
