// Step 5 of `up`: the two sshd containers, reused when they still match env.json, else recreated on
// new free loopback ports.
import { freePorts } from "../lib/processes.mjs";
import { readPreviousEnv } from "./env-file.mjs";
import { say } from "./output.mjs";
import { LABEL, LOOPBACK } from "./paths.mjs";
import { containerSpec, inspectContainer, removeContainers, SERVERS, startContainer } from "./sshd-containers.mjs";

// The ports of both containers when they run as env.json describes them (same image, ports, keys and
// settings), else undefined.
async function reusablePorts(image, keys) {
  const previous = readPreviousEnv();
  if (!previous || previous.imageId !== image) return undefined;
  const ports = {};
  for (const role of Object.keys(SERVERS)) {
    const port = previous.servers?.[role]?.port;
    if (!Number.isInteger(port)) return undefined;
    const state = await inspectContainer(SERVERS[role].container);
    const expected = containerSpec(role, port, image, keys).hash;
    if (!state?.running || state.image !== image || state.labels[`${LABEL}.config`] !== expected) return undefined;
    ports[role] = port;
  }
  return ports;
}

// "main 127.0.0.1:port, bastion 127.0.0.1:port", for progress lines.
function describePorts(ports) {
  return Object.entries(ports)
    .map(([role, port]) => `${role} ${LOOPBACK}:${port}`)
    .join(", ");
}

// Reuses both sshd containers when they match env.json (unless `forceNew`), else removes and recreates
// them on new ports; returns { ports, reused }.
export async function ensureServers(image, keys, { forceNew = false } = {}) {
  const reused = forceNew ? undefined : await reusablePorts(image, keys);
  if (reused) {
    say(`sshd: reusing ${describePorts(reused)}`);
    return { ports: reused, reused: true };
  }
  await removeContainers();
  const [mainPort, bastionPort] = await freePorts(2, LOOPBACK);
  const ports = { main: mainPort, bastion: bastionPort };
  for (const [role, port] of Object.entries(ports)) await startContainer(role, port, image, keys);
  say(`sshd: started ${describePorts(ports)}`);
  return { ports, reused: false };
}
