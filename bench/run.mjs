// The benchmark: infra-action against Ansible on the same 20-operation workload (bench/workload/), on N
// OpenSSH servers in containers listening on 127.0.0.1 only. Writes bench/results/<date>.json and the
// results section of bench/README.md.
//
//   npm run bench                       N = 1, 10, 30, 100; 3 runs each; medians reported
//   BENCH_SIZES=1,10 BENCH_RUNS=1 npm run bench   a quicker run (nothing else changes)
//   node bench/run.mjs --render bench/results/<date>.json   rewrite the README sections from a results file
//
// Runs as root on Debian bookworm with Node's built-ins only; installs ansible-core and GNU time with
// apt-get when missing, and provisions Docker and the test image with scripts/test-env.mjs.
// The parts live in bench/lib/ (one purpose each); this file reads the arguments and handles Ctrl-C and failures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addSbinToPath, killGroup, running } from "../scripts/lib/processes.mjs";
import { removeBenchContainers, removeBenchContainersSync } from "./lib/containers.mjs";
import { BenchError } from "./lib/output.mjs";
import { repoRoot } from "./lib/paths.mjs";
import { updateReadme } from "./lib/readme.mjs";
import { renderResults } from "./lib/render-results.mjs";
import { renderRunner } from "./lib/render-runner.mjs";
import { runBench } from "./lib/run-bench.mjs";

const USAGE = `usage: node bench/run.mjs                                    run the benchmark (as root; see bench/README.md)
       BENCH_SIZES=1,10 BENCH_RUNS=1 BENCH_SCALES=1 node bench/run.mjs   a quicker run
       node bench/run.mjs --render bench/results/<date>.json     rewrite the sections of bench/README.md it has figures for`;

// `--render FILE`: rewrites the sections of bench/README.md a results file has figures for.
function renderFromFile(file) {
  if (!file) {
    console.error(`bench: --render needs a results file.\n${USAGE}`);
    process.exit(2);
  }
  try {
    const results = JSON.parse(readFileSync(file, "utf8"));
    const path = join(repoRoot, file);
    const runner = results.many || results.overhead;
    if ((results.sizes && results.scaling) || !runner) updateReadme(renderResults(results, path));
    if (runner) updateReadme(renderRunner(results, path), "bench-runner");
  } catch (error) {
    const why = error instanceof BenchError ? error.message : `cannot render ${file}: ${error?.message ?? error}`;
    console.error(`bench: ${why}`);
    process.exit(1);
  }
}

// Kills the running children and removes the bench containers, then exits 130.
function stopOnSignal(signal) {
  for (const child of running) killGroup(child);
  console.error(`bench: interrupted (${signal}); removing the bench containers`);
  removeBenchContainersSync();
  process.exit(130);
}

const [command, argument] = process.argv.slice(2);
if (command === "--help" || command === "-h") {
  console.log(USAGE);
  process.exit(0);
}
if (command === "--render") {
  renderFromFile(argument);
  process.exit(0);
}
if (command !== undefined) {
  console.error(`bench: unknown argument "${command}".\n${USAGE}`);
  process.exit(2);
}

addSbinToPath();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopOnSignal(signal));
try {
  await runBench();
} catch (error) {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  for (const child of running) killGroup(child);
  await removeBenchContainers();
  process.exit(1);
}
