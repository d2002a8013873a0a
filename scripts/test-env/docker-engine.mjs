// Step 2 of `up`: the Docker engine, started as a detached dockerd (host networking only) when it does
// not answer.

import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { MINUTE, sleep, tailFile } from "../lib/processes.mjs";
import { fail, run, say, shown } from "./output.mjs";
import { envDir } from "./paths.mjs";

// The engine's version when `docker info` answers, else undefined.
export async function runningEngine() {
  const info = await run("docker", ["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 15_000 });
  return info.code === 0 ? info.stdout.trim() : undefined;
}

// Whether the Docker engine answers; returns its version, or undefined.
async function dockerVersion() {
  const result = await run("docker", ["version", "--format", "{{.Server.Version}}"], { timeoutMs: 15_000 });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

// Starts dockerd (detached, host networking only) when `docker info` fails, and waits until it answers.
export async function ensureDocker() {
  const version = await runningEngine();
  if (version !== undefined) {
    say(`docker: engine running (${version})`);
    return;
  }
  const logFile = join(envDir, "dockerd.log");
  say(`docker: starting dockerd (log: ${shown(logFile)})`);
  const logFd = openSync(logFile, "a");
  const daemon = spawn("dockerd", ["--iptables=false", "--ip6tables=false", "--bridge=none"], {
    detached: true,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  let exited;
  daemon.on("exit", (code, signal) => {
    exited = signal ?? `exit code ${code}`;
  });
  daemon.on("error", (error) => {
    exited = error.message;
  });
  daemon.unref();
  const deadline = Date.now() + MINUTE;
  for (let attempt = 0; attempt < 120 && Date.now() < deadline && exited === undefined; attempt++) {
    const answered = await dockerVersion();
    if (answered) {
      say(`docker: engine running (${answered}, pid ${daemon.pid})`);
      return;
    }
    await sleep(500);
  }
  const why = exited === undefined ? "did not answer within 60 s" : `stopped (${exited})`;
  fail(`dockerd ${why}. Last lines of ${shown(logFile)}:\n${tailFile(logFile)}\nFix the cause above, then rerun.`);
}
