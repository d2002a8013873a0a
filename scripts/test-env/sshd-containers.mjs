// The two OpenSSH servers of the test environment, each a container on the host network listening on
// 127.0.0.1 only: how one is defined, looked at, started and removed.
import { MINUTE, tail } from "../lib/processes.mjs";
import { shortHash } from "../lib/short-hash.mjs";
import { authorizedKeys } from "./accounts.mjs";
import { fail, must, run } from "./output.mjs";
import { LABEL, LOOPBACK } from "./paths.mjs";

// The servers by role: a target and a bastion, with the container name and the host key of each.
export const SERVERS = {
  main: { container: "infra-action-test-sshd-main", hostKey: "hostMain" },
  bastion: { container: "infra-action-test-sshd-bastion", hostKey: "hostBastion" },
};

// Where each container sees its host key (the key files are bind-mounted read-only).
const HOST_KEY_IN_CONTAINER = "/etc/ssh/infra-action-test/ssh_host_ed25519_key";

// The `docker run` arguments of one sshd container, and a hash of everything that defines it.
export function containerSpec(role, port, image, keys) {
  const { container, hostKey } = SERVERS[role];
  const sshd = ["/usr/sbin/sshd", "-D", "-e", "-p", String(port), "-o", `ListenAddress=${LOOPBACK}`];
  const definition = [image, role, port, sshd, keys[hostKey].path, keys[hostKey].public, authorizedKeys(keys)];
  const hash = shortHash(definition);
  const args = [
    "run",
    "-d",
    "--name",
    container,
    "--network",
    "host",
    "--init",
    "--restart",
    "unless-stopped",
    "--label",
    `${LABEL}.role=${role}`,
    "--label",
    `${LABEL}.port=${port}`,
    "--label",
    `${LABEL}.config=${hash}`,
    "-v",
    `${keys[hostKey].path}:${HOST_KEY_IN_CONTAINER}:ro`,
    "-v",
    `${keys[hostKey].path}.pub:${HOST_KEY_IN_CONTAINER}.pub:ro`,
    image,
    ...sshd,
    "-h",
    HOST_KEY_IN_CONTAINER,
  ];
  return { args, hash };
}

// A container's state: { running, image, labels }, or undefined when there is none of that name.
export async function inspectContainer(name) {
  const result = await run("docker", ["container", "inspect", "--format", "{{json .}}", name], { timeoutMs: 30_000 });
  if (result.code !== 0) return undefined;
  const data = JSON.parse(result.stdout);
  return { running: data.State?.Running === true, image: data.Image, labels: data.Config?.Labels ?? {} };
}

// Removes the sshd containers (absent ones are fine).
export async function removeContainers() {
  for (const { container } of Object.values(SERVERS)) {
    const result = await run("docker", ["rm", "-f", container], { timeoutMs: MINUTE });
    if (result.code !== 0 && !/No such container/i.test(result.stderr)) {
      fail(`docker rm -f ${container} failed:\n${tail(result.stderr)}`);
    }
  }
}

// Starts one sshd container and installs deploy's authorized_keys in it.
export async function startContainer(role, port, image, keys) {
  const { container } = SERVERS[role];
  const { args } = containerSpec(role, port, image, keys);
  await must(`starting ${container} (docker run)`, "docker", args, { timeoutMs: 2 * MINUTE });
  const install = [
    "umask 077",
    "cat > /home/deploy/.ssh/authorized_keys",
    "chown deploy:deploy /home/deploy/.ssh/authorized_keys",
  ].join(" && ");
  await must(
    `installing deploy's authorized_keys in ${container}`,
    "docker",
    ["exec", "-i", container, "sh", "-c", install],
    {
      input: authorizedKeys(keys),
    },
  );
}
