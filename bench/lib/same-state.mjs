// Checks that both tools did the same work: the managed files, modes, user and service of the first
// host after the first apply.
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { run } from "./output.mjs";

// The managed files' hashes on one host, to check that both tools did the same work.
export async function managedState(container) {
  const script = [
    "cd /srv/bench/conf && sha256sum motd app.conf ntp.conf env limits.conf",
    "sha256sum /etc/login.defs",
    "stat -c '%n %a %U' /srv/bench /srv/bench/conf /srv/bench/data /srv/bench/log /srv/bench/run",
    "getent passwd benchsvc | cut -d: -f1,6,7",
    "/etc/init.d/cron status >/dev/null && echo cron running",
  ].join("; ");
  const out = await run("docker", ["exec", container, "sh", "-c", script], { timeoutMs: MINUTE });
  return out.stdout.trim().split("\n");
}

// Compares the managed files of both tools' first host after the first apply.
export function compareStates(state) {
  const sizes = [...new Set(Object.keys(state).map((k) => k.split("-").at(-1)))];
  const same = sizes.filter(
    (n) => JSON.stringify(state[`infra-action-${n}`]) === JSON.stringify(state[`ansible-${n}`]),
  );
  const differing = sizes.filter((n) => !same.includes(n));
  return differing.length === 0
    ? `same result: after the first apply, both tools left identical files, modes, user and service on bench-1 (${sizes.join(", ")} hosts)`
    : `results DIFFER between the tools on bench-1 at ${differing.join(", ")} hosts (see the JSON's sameState)`;
}
