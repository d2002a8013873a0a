import * as core from "@actions/core";
import { claimUnhandledRejection, describeReason } from "../engine/deploy-scope.js";
import { publicApiProvider } from "../engine/public-api.js";
import { runDeploy } from "../engine/run-deploy.js";
import { InterruptedError } from "../errors.js";
import { loadInventory } from "../inventory/load-inventory.js";
import { parseOverrides } from "../inventory/overrides.js";
import { applyShard, describeShard } from "../inventory/shard.js";
import { type MarkdownOptions, renderMarkdown } from "../report/markdown.js";
import { createRedactor, redactDeep, secretDataValues, warnAboutShortSecrets } from "../report/redact.js";
import type { Report } from "../report/report.js";
import { formatHost, formatSummary } from "../report/text.js";
import { displayPath } from "../util/display-path.js";
import { maskSecrets, readInputSecrets, selectDigestSecrets } from "./action-secrets.js";
import { type RunProgress, reportFailure } from "./failure.js";
import { runMerge } from "./merge-mode.js";
import { jobName, runCommit, runUrl as runLink } from "./pr-comment.js";
import { commentOnPullRequest, summaryLimit, whatHappensNext, writeOutputs } from "./publish.js";
import { findPlanMismatch, type ReviewedPlan, readReviewedReport } from "./review-check.js";
import { type ActionSettings, enterWorkingDirectory, readFailureSettings, readSettings } from "./settings.js";
import { abortOnSignals } from "./signals.js";

// Runs the action; never throws.
export async function run(): Promise<void> {
  const progress: RunProgress = { stage: "setup", redact: (text) => text };
  // A rejection nobody handled fails the host whose deploy code caused it; any other fails the step
  // without stopping it, so the report, summary and outputs are still written.
  process.on("unhandledRejection", (reason) => {
    if (claimUnhandledRejection(reason)) return;
    core.setFailed(progress.redact(`a promise rejection nobody handled: ${describeReason(reason)}`));
  });
  let settings: ActionSettings | undefined;
  try {
    settings = readSettings();
    progress.redact = exportSecrets(settings);
    enterWorkingDirectory(settings.workingDirectory);
    if (settings.reports) await runMerge(settings, progress);
    else await runAction(settings, progress.redact, progress);
  } catch (error) {
    // SIGINT/SIGTERM: the partial report and summary are written; the signal handler exits.
    if (error instanceof InterruptedError) return;
    // Summary, outputs and the sticky comment say what happened; then the step fails.
    await reportFailure(error, progress, settings ?? readFailureSettings());
  }
}

// Secrets: into the environment of inventory and deploy code, masked in the log, and redacted
// from everything infra-action posts or writes (runner masking does not cover API posts).
function exportSecrets(settings: ActionSettings): (text: string) => string {
  const secrets = readInputSecrets(settings);
  maskSecrets(secrets, (value) => core.setSecret(value));
  for (const [key, value] of Object.entries(settings.secrets)) process.env[key] = value;
  warnAboutShortSecrets(secrets, (message) => core.warning(message));
  return createRedactor(secrets);
}

async function runAction(
  settings: ActionSettings,
  redact: (text: string) => string,
  progress: RunProgress,
): Promise<void> {
  const inventory = await core.group("Load inventory", async () => {
    const loaded = await loadInventory(settings.inventory, {
      limit: settings.limit,
      overrides: parseOverrides(settings.data, "input data:"),
      api: publicApiProvider,
    });
    core.info(`${loaded.hosts.length} hosts: ${loaded.hosts.map((h) => h.name).join(", ")}`);
    return loaded;
  });
  // A shard: its part of the selected hosts (after limit); it writes its report and does not comment.
  const selected = settings.shard ? applyShard(inventory, settings.shard) : inventory;
  if (settings.shard) core.info(describeShard(settings.shard, selected.hosts.length, inventory.hosts.length));
  const reviewed = readReviewedPlan(settings);
  progress.hosts = selected.hosts.map((h) => h.name);
  for (const warning of inventory.warnings) core.warning(redact(warning));
  // Secrets in host data (passwords) are redacted too: one redactor, longest secret first. They are
  // read from every selected host, not only this shard's: they key the plan digest, which every
  // shard and the unsharded run must compute alike.
  const hostSecrets = secretDataValues(inventory.hosts);
  maskSecrets(hostSecrets, (value) => core.setSecret(value));
  warnAboutShortSecrets(hostSecrets, (message) => core.warning(message));
  const clean = createRedactor([...readInputSecrets(settings), ...hostSecrets]);

  progress.redact = clean;
  progress.stage = "planning";
  let refused: string | undefined;
  core.startGroup(settings.mode === "plan" ? "Plan" : "Plan, then apply");
  let report: Report;
  // The runner cancels with SIGTERM: the engine writes what it knew (onInterrupt) and cleans up.
  const guard = abortOnSignals();
  try {
    report = await guard.watch(
      runDeploy(
        {
          inventory: selected,
          deployFiles: settings.deploy,
          mode: settings.mode,
          parallel: settings.parallel,
          ...(settings.mode === "apply" && settings.batch ? { batch: settings.batch } : {}),
          ...(settings.failPercent === undefined ? {} : { failPercent: settings.failPercent }),
          digestSecrets: selectDigestSecrets(settings, hostSecrets),
          onInterrupt: async (partial) => {
            // The runner cancels with SIGTERM: leave a report and a summary of what was and was not applied.
            const cleanReport = redactDeep(partial, clean);
            for (const host of cleanReport.hosts.filter((h) => h.error))
              core.error(host.error ?? "", { title: `${host.name}: interrupted` });
            writeOutputs(cleanReport);
            if (settings.jobSummary) {
              await core.summary
                .addRaw(
                  renderMarkdown(cleanReport, {
                    title: `infra-action ${cleanReport.mode} (interrupted)`,
                    limit: summaryLimit,
                  }),
                  true,
                )
                .write();
            }
          },
          connectContext: {
            privateKeys: settings.sshPrivateKeys,
            knownHosts: settings.sshKnownHosts,
            warn: (message) => core.warning(clean(message)),
          },
          events: {
            hostStage: (host, stage) => core.info(clean(`[${host}] ${stage}`)),
            planned: (plan) => {
              refused = reviewed && findPlanMismatch(plan, reviewed);
              return !refused;
            },
          },
        },
        { signal: guard.signal },
      ),
    );
  } finally {
    guard.dispose();
    core.endGroup();
  }
  report = redactDeep(settings.shard ? { ...report, shard: settings.shard } : report, clean);

  core.startGroup(settings.mode === "plan" || refused ? "Plan by host" : "Apply by host");
  for (const host of report.hosts) core.info(formatHost(host, report.mode, { diff: true }));
  core.info(formatSummary(report));
  core.endGroup();
  for (const host of report.hosts) {
    if (host.status === "failed" || host.status === "unreachable")
      core.error(host.error ?? host.status, { title: `${host.name}: ${host.status}` });
    for (const op of host.operations.filter((o) => o.status === "failed")) {
      core.error(`${op.reason ?? `exit code ${op.exitCode}`}${op.stderr ? `\n${op.stderr}` : ""}`, {
        title: `${host.name}: ${op.name}`,
      });
    }
  }

  const view: Omit<MarkdownOptions, "limit"> = {
    title: `infra-action ${report.mode} for ${displayPath(settings.inventory)}${settings.shard ? ` (shard ${settings.shard.index}/${settings.shard.count})` : ""}`,
    runUrl: runLink(),
    ...(runCommit() ? { commit: runCommit() } : {}),
    environment: jobName(),
    footer: whatHappensNext(report, refused),
    ...(refused ? { refused } : {}),
  };
  if (settings.jobSummary)
    await core.summary.addRaw(renderMarkdown(report, { ...view, limit: summaryLimit, timing: true }), true).write();
  if (!settings.shard) await commentOnPullRequest(settings, report, view);
  writeOutputs(report);
  progress.stage = "reporting";

  if (refused) return core.setFailed(clean(refused));
  const failed = report.hosts.filter((h) => h.status === "failed" || h.status === "unreachable");
  if (failed.length)
    return core.setFailed(
      `${failed.length} of ${report.hosts.length} hosts failed or were unreachable: ${failed.map((h) => h.name).join(", ")}.`,
    );
  if (settings.failOnChanges && report.totals.operationsChanged > 0) {
    return core.setFailed(
      `${report.totals.operationsChanged} operations would change (fail-on-changes): the hosts drifted from the deploy files.`,
    );
  }
}

// The reviewed plan the apply checks against: expected-plan-digest, and for a shard the merged plan report.
function readReviewedPlan(settings: ActionSettings): ReviewedPlan | undefined {
  if (!settings.expectedPlanDigest) return undefined;
  return {
    expected: settings.expectedPlanDigest,
    ...(settings.planReport ? { merged: readReviewedReport(settings.planReport) } : {}),
    ...(settings.shard ? { shard: settings.shard } : {}),
  };
}

await run();
