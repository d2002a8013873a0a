// The integration-test environment of infra-action: a Docker engine, a Debian bookworm image made with
// debootstrap, two OpenSSH servers (containers on the host network, listening on 127.0.0.1 only) and a
// PostgreSQL server from Debian's packages (127.0.0.1 only; .test-env/postgres.json).
//
//   node scripts/test-env.mjs [up]   install what is missing, start or reuse everything, verify it,
//                                    and write .test-env/env.json (read by test/helpers/test-env.ts)
//   node scripts/test-env.mjs down   remove the two sshd containers and env.json (keeps the image and keys)
//
// Idempotent: a second `up` reuses the running containers when they match .test-env/env.json.
// Runs as root on Debian bookworm, with Node 20 or newer and no dependencies beyond Node's built-ins.
// The steps live in scripts/test-env/ (one file each); this file dispatches and handles Ctrl-C and failures.
import { addSbinToPath, killGroup, running } from "./lib/processes.mjs";
import { removeCurrentBuildDir } from "./test-env/build-dir.mjs";
import { down, up } from "./test-env/commands.mjs";
import { fail, redact, SetupError } from "./test-env/output.mjs";

const started = Date.now();

// Kills the running children and removes a half-built image directory, then exits 130.
function stopOnSignal(signal) {
  for (const child of running) killGroup(child);
  console.error(`test-env: interrupted (${signal})`);
  try {
    removeCurrentBuildDir();
  } catch (error) {
    console.error(`test-env: ${error.message}`);
  }
  process.exit(130);
}

// Entry point: dispatches the command and turns failures into one clear message and exit code 1.
async function main() {
  const command = process.argv[2] ?? "up";
  addSbinToPath();
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopOnSignal(signal));
  try {
    if (command === "up") await up(started);
    else if (command === "down") await down();
    else
      fail(`unknown command "${command}"; use \`node scripts/test-env.mjs up\` or \`node scripts/test-env.mjs down\`.`);
  } catch (error) {
    console.error(`test-env: ${redact(error instanceof SetupError ? error.message : (error?.stack ?? error))}`);
    process.exit(1);
  }
}

await main();
