// One measured command: wall time, peak RSS (GNU time) and peak PSS of its process tree, plus the
// machine's load just before.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { boxCpuMs } from "./box-cpu.mjs";
import { waitForQuietMachine } from "./machine-load.mjs";
import { run } from "./output.mjs";
import { RUN_TIMEOUT_MS } from "./settings.mjs";

// Samples the proportional memory (PSS) of a process group every 250 ms; returns a stop function.
function sampleGroupMemory(pgid, peak) {
  const sample = () => {
    let total = 0;
    let procs = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== pgid) continue;
        const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, "utf8");
        total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
        procs++;
      } catch {
        // the process ended meanwhile
      }
    }
    peak.pssKB = Math.max(peak.pssKB, total);
    peak.procs = Math.max(peak.procs, procs);
  };
  const timer = setInterval(sample, 250);
  return () => clearInterval(timer);
}

// Runs one timed command under GNU time: wall time, peak RSS (largest process), the CPU time of the
// command itself (user + system), peak PSS of its process tree, and the whole machine's CPU time
// meanwhile (the containers' work included).
// `limitMs` stops a run that takes longer (the result says `timedOut`).
export async function timed(command, args, { cwd, env, logFile, limitMs = RUN_TIMEOUT_MS }) {
  const rssFile = `${logFile}.rss`;
  const peak = { pssKB: 0, procs: 0 };
  const cpuBusyBefore = await waitForQuietMachine();
  const load = loadavg()[0];
  const cpuBefore = boxCpuMs();
  const result = await run("/usr/bin/time", ["-f", "%M %U %S", "-o", rssFile, command, ...args], {
    cwd,
    env,
    logFile,
    timeoutMs: limitMs,
    onSpawn: (child) => sampleGroupMemory(child.pid, peak),
  });
  const boxCpu = Math.round(boxCpuMs() - cpuBefore);
  const rssLines = existsSync(rssFile) ? readFileSync(rssFile, "utf8").trim().split("\n") : [];
  // (GNU time's last line: "peak-RSS-KB user-seconds system-seconds")
  const usage = (rssLines.at(-1) ?? "").trim().split(/\s+/);
  return {
    code: result.code,
    timedOut: result.timedOut,
    limitMs,
    wallMs: Math.round(result.wallMs),
    peakRssKB: Number(usage[0]) || undefined,
    ownCpuMs: usage.length === 3 ? Math.round((Number(usage[1]) + Number(usage[2])) * 1000) : undefined,
    treePssKB: peak.pssKB || undefined,
    peakProcesses: peak.procs,
    boxCpuMs: boxCpu,
    loadAverage1m: load,
    cpuBusyBefore,
  };
}
