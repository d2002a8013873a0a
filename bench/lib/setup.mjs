// The bench's own prerequisites on this machine: the test environment (Docker and the test image)
// and the packages ansible-core and GNU time.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { hasBinary, MINUTE } from "../../scripts/lib/processes.mjs";
import { must, say } from "./output.mjs";
import { repoRoot, workDir } from "./paths.mjs";

// Step 1: Docker and the test image (scripts/test-env.mjs installs and starts what is missing).
export async function ensureTestEnv() {
  say("setup: Docker and the test image (node scripts/test-env.mjs up)");
  const logFile = join(workDir, "test-env.log");
  await must("node scripts/test-env.mjs up", process.execPath, ["scripts/test-env.mjs", "up"], {
    timeoutMs: 30 * MINUTE,
    logFile,
  });
  say(`setup: test environment ready (log: ${relative(repoRoot, logFile)})`);
}

// Step 2: ansible-core and GNU time, with apt-get when missing.
export async function ensureHostPackages() {
  const wanted = [
    ["ansible-playbook", "ansible-core"],
    ["time", "time", "/usr/bin/time"],
  ];
  const missing = wanted.filter(([binary, , path]) => (path ? !existsSync(path) : !hasBinary(binary)));
  if (missing.length === 0) {
    say("setup: ansible-core and GNU time present");
    return;
  }
  const packages = missing.map(([, pkg]) => pkg);
  say(`setup: installing ${packages.join(" ")} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await must("apt-get update", "apt-get", ["update"], { env, timeoutMs: 5 * MINUTE });
  await must("apt-get install", "apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
    env,
    timeoutMs: 10 * MINUTE,
  });
}
