// `npm test`: lint and format check, type check, dist/ freshness, the integration-test environment
// (Docker engine, Debian test image, OpenSSH servers: installed and started when missing), then the tests.
// Each step prints a heading; the first failing step stops the run with its exit code.
import { spawnSync } from "node:child_process";

const steps = [
  ["Lint and format (biome)", "biome", ["check", "."]],
  ["Type check (tsc)", "tsc", ["--noEmit"]],
  ["dist/ equals a fresh build", "node", ["scripts/build.mjs", "--check"]],
  ["README's action tables match action.yml", "node", ["scripts/action-docs.mjs", "--check"]],
  ["README's operation and fact tables match the definitions", "node", ["scripts/api-docs.mjs", "--check"]],
  ["Test environment (Docker, Debian image, sshd, PostgreSQL)", "node", ["scripts/test-env.mjs", "up"]],
  ["Tests (vitest)", "vitest", ["run", ...process.argv.slice(2)]],
];

for (const [title, command, args] of steps) {
  console.log(`\n== ${title} ==`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\nnpm test: step "${title}" failed${result.error ? `: ${result.error.message}` : ""}.`);
    process.exit(result.status ?? 1);
  }
}
