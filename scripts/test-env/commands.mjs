// The two commands of `node scripts/test-env.mjs`: `up` runs every step in order, `down` removes the
// servers and env.json.
import { mkdirSync, rmSync } from "node:fs";
import { ensureKeys } from "./accounts.mjs";
import { ensureDocker, runningEngine } from "./docker-engine.mjs";
import { writeEnv } from "./env-file.mjs";
import { ensureImage } from "./image.mjs";
import { writeKnownHosts } from "./known-hosts.mjs";
import { ensureMariadb } from "./mariadb.mjs";
import { fail, SetupError, say, shown } from "./output.mjs";
import { ensureHostPackages } from "./packages.mjs";
import { envDir, envFile } from "./paths.mjs";
import { writeAskpass } from "./ssh-check.mjs";
import { removeContainers, SERVERS } from "./sshd-containers.mjs";
import { ensureServers } from "./sshd-servers.mjs";
import { verify } from "./verify.mjs";

// `up`: every step in order; a reused pair of containers that fails verification is recreated once.
export async function up(started = Date.now()) {
  if (process.getuid?.() !== 0) fail("run as root: `up` installs packages, starts dockerd and runs debootstrap.");
  mkdirSync(envDir, { recursive: true });
  await ensureHostPackages();
  await ensureDocker();
  const image = await ensureImage();
  const keys = await ensureKeys();
  writeAskpass();
  let { ports, reused } = await ensureServers(image, keys);
  let knownHosts = await writeKnownHosts(ports, keys);
  try {
    await verify(ports, keys, knownHosts);
  } catch (error) {
    if (!reused || !(error instanceof SetupError)) throw error;
    say(`verify: reused containers failed (${error.message.split("\n")[0]}); recreating them`);
    ({ ports } = await ensureServers(image, keys, { forceNew: true }));
    knownHosts = await writeKnownHosts(ports, keys);
    await verify(ports, keys, knownHosts);
  }
  writeEnv(image, ports, keys, knownHosts);
  await ensureMariadb();
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${shown(envFile)}`);
}

// `down`: removes the two containers and env.json (keeps the image and the keys).
export async function down() {
  if ((await runningEngine()) === undefined) {
    say("docker: engine not running, so no containers to remove");
  } else {
    await removeContainers();
    say(
      `removed ${Object.values(SERVERS)
        .map((s) => s.container)
        .join(", ")} (image and keys kept)`,
    );
  }
  rmSync(envFile, { force: true });
}
