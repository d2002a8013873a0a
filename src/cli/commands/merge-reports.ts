// `infra-action merge-reports REPORT...`: the reports of shard jobs (--shard I/N) as one report and
// one summary, whose plan digest is the one the same plan run unsharded would have.
import { readFile, writeFile } from "node:fs/promises";
import { UsageError } from "../../errors.js";
import { mergeReports, parseShardReport } from "../../report/merge-reports.js";
import { type FormatOptions, formatHost, formatSummary } from "../../report/text.js";
import { choosePalette } from "../colour-choice.js";
import type { CliIo } from "../io.js";

export interface MergeReportsOptions {
  report?: string;
  detailedExitcode?: boolean;
  verbose?: boolean;
  // false after --no-color.
  color?: boolean;
}

// Merges and prints; exit code 1 on any failed or unreachable host, 2 with --detailed-exitcode when a plan has changes.
export async function mergeReportsCommand(files: string[], options: MergeReportsOptions, io: CliIo): Promise<number> {
  const parts = await Promise.all(files.map(async (file) => parseShardReport(await readReport(file), file)));
  const report = mergeReports(parts);
  const palette = choosePalette(options.color !== false);
  const format: FormatOptions = { diff: report.mode === "plan", verbose: options.verbose, palette };
  io.stdout(`Merged ${files.length} report${files.length === 1 ? "" : "s"}.\n\n`);
  for (const host of report.hosts) io.stdout(formatHost(host, report.mode, format));
  io.stdout(`\n${formatSummary(report, palette)}`);
  if (options.report) await writeFile(options.report, `${JSON.stringify(report, null, 2)}\n`);
  if (report.totals.failed || report.totals.unreachable) return 1;
  return options.detailedExitcode && report.mode === "plan" && report.totals.operationsChanged > 0 ? 2 : 0;
}

async function readReport(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new UsageError(
        `Report ${file} does not exist. Give the files the shard jobs wrote with --report (in a workflow: downloaded with actions/download-artifact).`,
      );
    throw new UsageError(`Cannot read report ${file}: ${(error as Error).message}.`);
  }
}
