// `infra-action plan|apply INVENTORY DEPLOY...`: what would change (plan), or change it (apply).
import { writeFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { type BatchSize, batchSizeHelp, parseBatchSize } from "../../engine/batches.js";
import { runDeploy } from "../../engine/run-deploy.js";
import { InterruptedError, UsageError } from "../../errors.js";
import { parseShard } from "../../inventory/shard.js";
import type { Report } from "../../report/report.js";
import { type FormatOptions, formatHost, formatSummary } from "../../report/text.js";
import { choosePalette } from "../colour-choice.js";
import { captureDeployConsole } from "../deploy-console.js";
import { type HostSelectionOptions, loadSelectedHosts } from "../host-selection.js";
import { positiveInteger } from "../numbers.js";
import { createProgress } from "../progress.js";
import type { CliSecrets } from "../secrets.js";
import { abortOnSignals } from "../signals.js";

export interface DeployCommandOptions extends HostSelectionOptions {
  parallel: string;
  report?: string;
  yes?: boolean;
  detailedExitcode?: boolean;
  diff?: boolean;
  failPercent?: string;
  // apply only: N hosts or P% of them at a time.
  batch?: string;
  verbose?: boolean;
  deployTimeout?: string;
  // false after --no-color.
  color?: boolean;
}

// Plans or applies; exit code 1 on any failed or unreachable host, 2 with --detailed-exitcode when a plan has changes.
export async function deployCommand(
  mode: "plan" | "apply",
  inventoryFile: string,
  deployFiles: string[],
  options: DeployCommandOptions,
  secrets: CliSecrets,
  // Runs the deploy for a host instead of loading deployFiles (`run`'s one operation).
  loadDeploy?: (file: string, instance: string) => Promise<unknown>,
): Promise<number> {
  const { io } = secrets;
  const parallel = positiveInteger(options.parallel, "--parallel");
  const failPercent = options.failPercent === undefined ? undefined : percent(options.failPercent);
  const batch = options.batch === undefined ? undefined : batchSize(options.batch);
  const deployDeadlineMs = positiveInteger(options.deployTimeout ?? "300", "--deploy-timeout") * 1000;
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (mode === "apply" && !options.yes && !interactive) {
    throw new UsageError(
      "apply changes hosts: without a terminal to confirm on, pass --yes (review the plan first with infra-action plan).",
    );
  }
  const inventory = await loadSelectedHosts(inventoryFile, options, secrets);
  for (const warning of inventory.warnings) io.stderr(`warning: ${warning}\n`);
  const palette = choosePalette(options.color !== false);
  const format: FormatOptions = { diff: Boolean(options.diff) || mode === "plan", verbose: options.verbose, palette };
  let cancelled = false;
  const progress = createProgress(
    inventory.hosts.map((h) => h.name),
    interactive,
    io,
  );
  // Deploy code's console output: under its host's prefix, never on the progress line.
  const restoreConsole = captureDeployConsole({
    stdout: (text) => progress.interject(() => io.stdout(text)),
    stderr: (text) => progress.interject(() => io.stderr(text)),
  });

  // The process is ours: SIGINT/SIGTERM stop the engine, which writes what it knew and cleans up.
  const guard = abortOnSignals((text) => progress.interject(() => io.stderr(text)));
  const run = await guard
    .watch(
      runDeploy(
        {
          inventory,
          deployFiles,
          mode,
          parallel,
          failPercent,
          batch,
          deployDeadlineMs,
          digestSecrets: secrets.values,
          connectContext: { warn: (message) => progress.interject(() => io.stderr(`warning: ${message}\n`)) },
          onInterrupt: async (partial) => {
            progress.hide();
            for (const host of partial.hosts.filter((h) => h.error)) io.stderr(`${host.name}: ${host.error}\n`);
            if (options.report) await writeReport(options.report, partial, secrets);
          },
          events: {
            hostStage: progress.stage,
            planned: async (plan) => {
              // Nothing to ask about: the apply's own report says so.
              if (mode !== "apply" || options.yes || plan.totals.operationsChanged === 0) return true;
              // The plan as `plan` shows it, diffs included: what the answer is about.
              progress.hide();
              io.stdout("\n");
              for (const host of plan.hosts) io.stdout(formatHost(host, "plan", { ...format, diff: true }));
              io.stdout(`\n${formatSummary(plan, palette)}`);
              const answer = await ask("Apply these changes? Only 'yes' is accepted: ");
              if (answer.trim() !== "yes") {
                io.stdout("Apply cancelled; nothing was changed.\n");
                cancelled = true;
                return false;
              }
              return true;
            },
          },
        },
        { signal: guard.signal, ...(loadDeploy ? { loadDeploy } : {}) },
      ),
    )
    .finally(() => {
      guard.dispose();
      restoreConsole();
    });

  // A shard's report says which shard it is, so merge-reports can tell when one is missing.
  const report = options.shard ? { ...run, shard: parseShard(options.shard) } : run;
  progress.hide();
  // Cancelled at the prompt: the plan is on the screen already.
  if (!cancelled) {
    io.stdout("\n");
    for (const host of report.hosts) io.stdout(formatHost(host, report.mode, format));
    io.stdout(`\n${formatSummary(report, palette)}`);
  }
  if (options.report) await writeReport(options.report, report, secrets);
  return cancelled ? 1 : exitCode(report, Boolean(options.detailedExitcode));
}

// The JSON report, with every secret value redacted.
async function writeReport(file: string, report: Report, secrets: CliSecrets): Promise<void> {
  await writeFile(file, `${JSON.stringify(secrets.redactDeep(report), null, 2)}\n`);
}

function exitCode(report: Report, detailed: boolean): number {
  if (report.totals.failed || report.totals.unreachable) return 1;
  return detailed && report.mode === "plan" && report.totals.operationsChanged > 0 ? 2 : 0;
}

// Asks on the terminal. Ctrl-C at the prompt is an interruption like SIGINT anywhere else: nothing
// is applied, hosts are disconnected, and the exit code is 130.
async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const interrupted = new Promise<never>((_, reject) =>
    rl.once("SIGINT", () => {
      process.stdout.write("\nApply cancelled (Ctrl-C); nothing was changed.\n");
      reject(new InterruptedError("SIGINT"));
    }),
  );
  try {
    return await Promise.race([rl.question(question), interrupted]);
  } catch (error) {
    if ((error as Error).name === "AbortError") throw new InterruptedError("SIGINT");
    throw error;
  } finally {
    rl.close();
  }
}

function percent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`--fail-percent ${JSON.stringify(value)} must be a number from 0 to 100.`);
  return n;
}

function batchSize(value: string): BatchSize {
  const size = parseBatchSize(value);
  if (!size) throw new UsageError(`--batch ${JSON.stringify(value)} ${batchSizeHelp}, e.g. --batch 2 or --batch 25%.`);
  return size;
}
