// How busy this machine is, and waiting (bounded) until other work leaves the CPUs quiet before a
// measurement.
import { readFileSync } from "node:fs";
import { MINUTE, sleep } from "../../scripts/lib/processes.mjs";
import { say } from "./output.mjs";
import { QUIET_BUSY, SECOND } from "./settings.mjs";

// The fraction of this machine's CPU time spent busy (not idle) over a window.
async function cpuBusy(ms) {
  const read = () => {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3] + (fields[4] ?? 0) };
  };
  const a = read();
  await sleep(ms);
  const b = read();
  return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : 0;
}

// Waits (at most 2 minutes) until other work leaves the CPUs at least 80% idle, so it does not skew a
// measurement; returns the busy fraction seen last (kept with the figures).
export async function waitForQuietMachine() {
  const deadline = Date.now() + 2 * MINUTE;
  let busy = await cpuBusy(SECOND);
  for (let attempt = 0; attempt < 60 && busy > QUIET_BUSY && Date.now() < deadline; attempt++) {
    if (attempt === 0) say(`waiting for other work to finish (CPU ${Math.round(busy * 100)}% busy)`);
    busy = await cpuBusy(2 * SECOND);
  }
  if (busy > QUIET_BUSY) say(`measuring anyway: CPU still ${Math.round(busy * 100)}% busy after 2 minutes`);
  return Number(busy.toFixed(3));
}
