// A fleet of N sshd containers on free loopback ports, with its known_hosts file and both tools'
// inventories.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePorts, MINUTE } from "../../scripts/lib/processes.mjs";
import { removeBenchContainers } from "./containers.mjs";
import { eachLimit } from "./each-limit.mjs";
import { writeAnsibleInventory, writeInventory } from "./inventories.mjs";
import { fail, must, say } from "./output.mjs";
import { workDir } from "./paths.mjs";
import { CONTAINER_PREFIX, HOST_KEY_IN_CONTAINER, LABEL, LOOPBACK, POOL, SECOND } from "./settings.mjs";
import { waitForSshBanner } from "./ssh-banner.mjs";
import { snapshotLogs } from "./ssh-logs.mjs";

// Starts N sshd containers on free loopback ports, writes known_hosts and both tools' inventories.
export async function startFleet(n, image, keys, tag) {
  await removeBenchContainers();
  const ports = await freePorts(n, LOOPBACK);
  const hosts = ports.map((port, index) => ({
    index: index + 1,
    name: `bench-${index + 1}`,
    container: `${CONTAINER_PREFIX}${index + 1}`,
    port,
  }));
  const t0 = Date.now();
  await eachLimit(hosts, POOL, async (host) => {
    const hostKey = keys.hostKeys[host.index - 1].path;
    const sshd = ["/usr/sbin/sshd", "-D", "-e", "-p", String(host.port), "-o", `ListenAddress=${LOOPBACK}`];
    // DEBUG1 logs each exec and subsystem request, which the bench counts for both tools.
    sshd.push("-o", "LogLevel=DEBUG1", "-h", HOST_KEY_IN_CONTAINER);
    await must(`starting ${host.container}`, "docker", [
      ...["run", "-d", "--init", "--network", "host", "--name", host.container, "--label", LABEL],
      ...["-v", `${hostKey}:${HOST_KEY_IN_CONTAINER}:ro`, "-v", `${hostKey}.pub:${HOST_KEY_IN_CONTAINER}.pub:ro`],
      ...["-v", `${keys.authorizedKeys}:/home/deploy/.ssh/authorized_keys:ro`],
      image,
      ...sshd,
    ]);
  });
  const deadline = Date.now() + MINUTE;
  const answered = await eachLimit(hosts, 20, (host) => waitForSshBanner(host.port, deadline));
  const silent = hosts.filter((_, i) => !answered[i]).map((h) => h.container);
  if (silent.length > 0) fail(`sshd did not answer within 60 s in ${silent.slice(0, 5).join(", ")}`);
  const knownHosts = join(workDir, `known_hosts-${tag}`);
  writeFileSync(
    knownHosts,
    hosts.map((h) => `[${LOOPBACK}]:${h.port} ${keys.hostKeys[h.index - 1].public}\n`).join(""),
  );
  const fleet = { n, hosts, knownHosts, tag, logCounts: new Map() };
  fleet.inventory = writeInventory(fleet, keys);
  fleet.ansibleInventory = writeAnsibleInventory(fleet, keys);
  await snapshotLogs(fleet);
  say(`hosts: ${n} sshd containers up on ${LOOPBACK} in ${((Date.now() - t0) / SECOND).toFixed(1)} s (${tag})`);
  return fleet;
}
