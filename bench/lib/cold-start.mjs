// The action's cold start: `node dist/index.js` with no inputs, time to its first line of output.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { median } from "./figures.mjs";
import { fail, say } from "./output.mjs";
import { distDir, repoRoot, workDir } from "./paths.mjs";
import { COLD_START_SAMPLES, SECOND } from "./settings.mjs";

// The action's cold start: `node dist/index.js` with no inputs, time to its first line of output.
export async function measureColdStart() {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("INPUT_") && !k.startsWith("GITHUB_")),
  );
  // The report it writes goes where a runner keeps a job's files: the bench's work directory.
  env.RUNNER_TEMP = workDir;
  const samples = [];
  for (let i = 0; i < COLD_START_SAMPLES; i++) {
    const ms = await new Promise((resolve) => {
      const t0 = performance.now();
      const child = spawn(process.execPath, [join(distDir, "index.js")], {
        cwd: repoRoot,
        env,
        stdio: ["ignore", "pipe", "ignore"],
      });
      let first;
      const timer = setTimeout(() => child.kill("SIGKILL"), 30 * SECOND);
      child.stdout.once("data", () => {
        first = performance.now() - t0;
      });
      child.on("close", () => {
        clearTimeout(timer);
        resolve(first);
      });
      child.on("error", () => resolve(undefined));
    });
    if (ms === undefined) fail("node dist/index.js printed nothing on stdout");
    samples.push(Number(ms.toFixed(1)));
  }
  const result = { samplesMs: samples, medianMs: median(samples) };
  say(`cold start: node dist/index.js first line after ${result.medianMs} ms (median of ${samples.length})`);
  return result;
}
