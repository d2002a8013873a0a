// The whole benchmark in order: setup, the code and machine measured, every fleet size, the scaling
// measurement, then bench/results/<date>.json, the README section and the budgets.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { writeAnsibleConfig } from "./ansible-runner.mjs";
import { ensureBenchImage } from "./bench-image.mjs";
import { checkBudgets } from "./budgets.mjs";
import { bundleSizes, snapshotDist } from "./code-snapshot.mjs";
import { measureColdStart } from "./cold-start.mjs";
import { removeBenchContainers } from "./containers.mjs";
import { makeKeys } from "./keys.mjs";
import { describeMachine } from "./machine.mjs";
import { measureManyHosts } from "./measure-many.mjs";
import { measureOverhead } from "./measure-overhead.mjs";
import { measureScaling } from "./measure-scaling.mjs";
import { measureSize } from "./measure-size.mjs";
import { BenchError, fail, say, started } from "./output.mjs";
import { benchDir, repoRoot, resultsDir, workDir } from "./paths.mjs";
import { updateReadme } from "./readme.mjs";
import { renderResults } from "./render-results.mjs";
import { carriedFrom, checkRunnerBudgets, renderRunner } from "./render-runner.mjs";
import { compareStates } from "./same-state.mjs";
import { MANY_SIZES, PHASES, RUNS, SCALE_HOSTS, SCALES, SIZES } from "./settings.mjs";
import { ensureHostPackages, ensureTestEnv } from "./setup.mjs";
import { CHANGED_PER_HOST, OPS_PER_HOST } from "./workload.mjs";

// Runs everything in order and writes the results.
export async function runBench() {
  if (process.getuid?.() !== 0) fail("run as root: the bench installs packages and starts containers.");
  mkdirSync(workDir, { recursive: true });
  // bench/.work holds generated JSON: keep the formatter out of it.
  writeFileSync(join(workDir, "biome.json"), '{ "root": false, "files": { "includes": ["!**"] } }\n');
  mkdirSync(resultsDir, { recursive: true });
  await ensureTestEnv();
  await ensureHostPackages();
  const image = await ensureBenchImage();
  await removeBenchContainers();
  const code = await snapshotDist();
  const machine = await describeMachine();
  say(`machine: ${machine.nproc} cores, ${machine.memoryMB} MB, ${machine.cpu}, ${machine.ansible}`);
  const coldStart = await measureColdStart();
  const bundles = bundleSizes();
  const keys = await makeKeys(Math.max(...SIZES, SCALE_HOSTS, ...(PHASES.has("many") ? MANY_SIZES : [])));
  const ctx = { image, keys, ansibleConfig: writeAnsibleConfig(), state: {} };
  const date = new Date().toISOString().slice(0, 10);
  const results = {
    date,
    command: "npm run bench",
    phases: [...PHASES],
    settings: { sizes: SIZES, runs: RUNS, operationsPerHost: OPS_PER_HOST, changedPerHost: CHANGED_PER_HOST },
    machine,
    code,
    coldStart,
    bundles,
  };
  if (PHASES.has("compare")) results.sizes = await measureSizes(ctx);
  if (PHASES.has("scaling")) {
    say(
      `scaling: infra-action on ${SCALE_HOSTS} hosts with ${SCALES.map((s) => s * OPS_PER_HOST).join(", ")} operations`,
    );
    results.scaling = await measureScaling(ctx);
  }
  if (PHASES.has("many")) results.many = await measureManyHosts(ctx);
  if (PHASES.has("overhead")) results.overhead = await measureOverhead(ctx);
  const comparison = results.sizes && results.scaling;
  if (comparison) {
    results.sameStateDetail = ctx.state;
    results.sameState = compareStates(ctx.state);
    results.budgets = checkBudgets(results);
  }
  carryOver(results);
  if (results.many || results.overhead) results.runnerBudgets = checkRunnerBudgets(results);
  const file = join(resultsDir, `${date}${comparison ? "" : `-${[...PHASES].join("-")}`}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  if (comparison) updateReadme(renderResults(results, file));
  if (results.runnerBudgets) updateReadme(renderRunner(results, file), "bench-runner");
  say(`done in ${((Date.now() - started) / MINUTE).toFixed(1)} min: ${relative(repoRoot, file)} and bench/README.md`);
  for (const check of [...(results.budgets ?? []), ...(results.runnerBudgets ?? [])])
    say(`budget ${check.met ? "met" : "MISSED"}: ${check.budget} — ${check.figure}`);
}

// Every size of the comparison with Ansible; a 100-host size that cannot run is noted and skipped.
async function measureSizes(ctx) {
  const sizes = [];
  for (const n of SIZES) {
    say(`size: ${n} host(s), ${RUNS} run(s) per tool`);
    try {
      sizes.push(await measureSize(n, ctx));
    } catch (error) {
      if (n < 100 || !(error instanceof BenchError)) throw error;
      say(`size: skipping ${n} hosts: ${error.message.split("\n")[0]}`);
      await removeBenchContainers();
      sizes.push({ hosts: n, notes: [`skipped: ${error.message.split("\n")[0]}`] });
    }
  }
  return sizes;
}

// BENCH_CARRY names an earlier results file: the many-hosts sizes this run did not measure (or
// could not), and the overhead when this run did not measure it, come from there, each marked with
// the run that measured it (what that file had carried keeps its own), and the README section says
// so. For finishing a run one of whose sizes failed without measuring every size again.
function carryOver(results) {
  const from = process.env.BENCH_CARRY;
  if (!from) return;
  const earlier = JSON.parse(readFileSync(from, "utf8"));
  const own = { file: relative(benchDir, resolve(from)), commit: earlier.code?.commit?.slice(0, 7) ?? "?" };
  const origin = (part) => carriedFrom(earlier, part) ?? own;
  const measured = new Set((results.many ?? []).filter((r) => r.steps).map((r) => r.hosts));
  const rows = (earlier.many ?? []).filter((r) => r.steps && !measured.has(r.hosts));
  if (rows.length) {
    const kept = (results.many ?? []).filter((r) => r.steps || !rows.some((c) => c.hosts === r.hosts));
    results.many = [...kept, ...rows.map((r) => ({ ...r, carried: origin(r) }))].sort((a, b) => a.hosts - b.hosts);
  }
  if (!results.overhead && earlier.overhead)
    results.overhead = { ...earlier.overhead, carried: origin(earlier.overhead) };
  if (!results.sizes && earlier.sizes) results.sizes = earlier.sizes;
}
