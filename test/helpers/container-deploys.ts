// A fresh container of the test image as one integration test file's host: start it, write deploy files for
// it, plan and apply them through the real CLI (`@docker/<name>`), and read what a user would see.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Report } from "../../src/report/report.js";
import { type CliResult, runCli } from "./run-cli.js";
import { loadTestEnv } from "./test-env.js";

// Runs the docker CLI and returns its trimmed output (throws on a non-zero exit).
export function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8", timeout: 120_000 }).trim();
}

// One apply or plan: what the CLI printed, its exit code and the JSON report it wrote.
export interface DeployRun extends CliResult {
  report: Report;
}

// A container of the test image for one test file, with its inventory and a temp dir for deploy files.
export interface TestContainer {
  name: string;
  dir: string;
  // Runs `sh -c command` in the container and returns its trimmed output (throws on failure).
  sh(command: string): string;
  // Writes a deploy file (its whole text) into the temp dir and returns its path.
  writeDeploy(file: string, lines: string): string;
  // Plans or applies a deploy on the container; throws with the CLI's output unless `allowFailure`.
  run(mode: "plan" | "apply", deploy: string, options?: { allowFailure?: boolean }): Promise<DeployRun>;
  // Removes the container and the temp dir.
  remove(): void;
}

// Starts a container named infra-action-test-<slice>-<pid> (extra `docker run` flags before the image).
export function startTestContainer(slice: string, runFlags: string[] = ["--network", "none"]): TestContainer {
  const env = loadTestEnv();
  const name = `infra-action-test-${slice}-${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), `infra-action-${slice}-`));
  // A container left by a killed run of the same pid would be in the way.
  spawnSync("docker", ["rm", "-f", name], { stdio: "ignore", timeout: 120_000 });
  docker("run", "-d", "--init", ...runFlags, "--name", name, env.image, "sleep", "infinity");
  const inventory = join(dir, "inventory.json");
  writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${name}`, {}]] }));
  let runs = 0;
  return {
    name,
    dir,
    sh: (command) => docker("exec", name, "sh", "-c", command),
    writeDeploy: (file, lines) => {
      const path = join(dir, file);
      writeFileSync(path, lines);
      return path;
    },
    run: async (mode, deploy, options = {}) => {
      const reportFile = join(dir, `report-${++runs}.json`);
      const result = await runCli(
        [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
        { timeoutMs: 300_000 },
      );
      if (result.exitCode !== 0 && !options.allowFailure)
        throw new Error(`${mode} ${deploy} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
      return { ...result, report: JSON.parse(readFileSync(reportFile, "utf8")) as Report };
    },
    remove: () => {
      docker("rm", "-f", name);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The status of each operation of the (only) host, by operation name.
export function operationStatuses(report: Report): Record<string, string> {
  return Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));
}
