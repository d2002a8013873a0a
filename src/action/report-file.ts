// The report file the action's `report` output names, where the runner keeps a job's files.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../report/report.js";

// Writes the (already redacted) report; returns its path.
export function writeReportFile(report: Report): string {
  const file = join(process.env.RUNNER_TEMP ?? process.cwd(), `infra-action-report-${process.pid}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
