// Whole-box CPU time (every process of the machine: the controller, sshd, the containers' commands)
// and the processes started inside containers, read around one measured command.
import { readFileSync } from "node:fs";
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { eachLimit } from "./each-limit.mjs";
import { run } from "./output.mjs";
import { POOL } from "./settings.mjs";

// Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;

// The machine's busy CPU time so far, in milliseconds (user, nice, system, irq, softirq, steal).
export function boxCpuMs() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user + nice + system + irq + softirq + (steal ?? 0)) * 1000) / TICKS_PER_SECOND;
}

// The last process id each container's own PID namespace handed out (the reading itself takes one).
export async function lastPids(hosts) {
  return eachLimit(hosts, POOL, async (host) => {
    const out = await run("docker", ["exec", host.container, "cat", "/proc/sys/kernel/ns_last_pid"], {
      timeoutMs: MINUTE,
    });
    return Number(out.stdout.trim());
  });
}

// Processes started in each container between two readings, less the readings' own (docker exec's
// process and its `cat`), as { max, min, mean }.
export function processesBetween(before, after) {
  const started = after.map((pid, i) => pid - before[i] - 1);
  const mean = started.reduce((a, b) => a + b, 0) / Math.max(1, started.length);
  return { max: Math.max(...started), min: Math.min(...started), mean: Number(mean.toFixed(1)) };
}
