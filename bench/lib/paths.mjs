// Where the benchmark reads and writes: the workload, the results, bench/README.md, and its git-ignored
// working directory bench/.work (keys, inventories, logs, the copy of dist/).
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The repository's root directory.
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
// bench/.
export const benchDir = join(repoRoot, "bench");
// bench/.work: everything a run generates except the results.
export const workDir = join(benchDir, ".work");
// The workload both tools run.
export const workloadDir = join(benchDir, "workload");
// bench/results/<date>.json.
export const resultsDir = join(benchDir, "results");
// The README whose results section the bench writes.
export const readmeFile = join(benchDir, "README.md");
// The bundles run from a copy made at the start, so a rebuild of dist/ during the bench changes nothing.
export const distDir = join(workDir, "dist");
// infra-action's CLI bundle, in that copy.
export const cli = join(distDir, "cli.js");
