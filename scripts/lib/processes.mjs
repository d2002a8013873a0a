// Child processes and small host checks shared by the project's scripts (the test environment and
// the benchmark). Node's built-ins only. Children run detached, each in a process group of its own,
// with a time limit; `running` holds those not finished, for the scripts' Ctrl-C and failure handlers.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, join, relative } from "node:path";

export const MINUTE = 60_000;

// Children still running.
export const running = new Set();

// Waits a number of milliseconds.
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The last lines of a text, for error messages.
export function tail(text, lines = 25) {
  return String(text).trimEnd().split("\n").slice(-lines).join("\n");
}

// The last lines of a file, for error messages.
export function tailFile(file, lines = 25) {
  try {
    return tail(readFileSync(file, "utf8"), lines);
  } catch {
    return `(${relative(process.cwd(), file) || file} is missing)`;
  }
}

// Kills a child's whole process group.
export function killGroup(child, signal = "SIGKILL") {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// `run` and `must` for a script: `fail(message)` throws the script's own error; `cwd` is where
// commands run unless told otherwise.
export function createProcesses({ fail, cwd }) {
  // Runs a command to completion: { code, stdout, stderr, timedOut, wallMs, error? }; never throws on
  // failure. `env` is the whole environment (default: this process's); `input` is written to stdin;
  // `logFile` receives the output instead of the returned strings; `onSpawn` sees the child and may
  // return a function called when it ends.
  function run(command, args, { input, timeoutMs = MINUTE, env, cwd: dir = cwd, logFile, onSpawn } = {}) {
    return new Promise((resolve) => {
      const logFd = logFile ? openSync(logFile, "w") : undefined;
      const out = logFd ?? "pipe";
      const t0 = performance.now();
      const child = spawn(command, args, {
        cwd: dir,
        detached: true,
        env: env ?? process.env,
        stdio: [input === undefined ? "ignore" : "pipe", out, out],
      });
      running.add(child);
      const stop = onSpawn?.(child);
      let stdout = "";
      let stderr = "";
      let timedOut = false;
      child.stdout?.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stderr?.on("data", (chunk) => {
        stderr += chunk;
      });
      if (input !== undefined) {
        child.stdin.on("error", () => {});
        child.stdin.end(input);
      }
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child);
      }, timeoutMs);
      let done = false;
      const finish = (result) => {
        if (done) return;
        done = true;
        const wallMs = performance.now() - t0;
        clearTimeout(timer);
        running.delete(child);
        stop?.();
        if (logFd !== undefined) closeSync(logFd);
        resolve({ stdout, stderr, timedOut, wallMs, ...result });
      };
      child.on("error", (error) => finish({ code: null, error }));
      child.on("close", (code) => finish({ code }));
    });
  }

  // Runs a command and returns its stdout; fails with `what`, the command's output and `fix` when it
  // does not succeed.
  async function must(what, command, args, options = {}, fix = "") {
    const result = await run(command, args, options);
    if (result.code === 0) return result.stdout;
    const why = result.error
      ? result.error.message
      : result.timedOut
        ? `timed out after ${Math.round((options.timeoutMs ?? MINUTE) / 1000)} s`
        : `exit code ${result.code}`;
    const output = options.logFile ? tailFile(options.logFile) : tail(`${result.stdout}${result.stderr}`);
    return fail(`${what} failed (${command}: ${why})${output ? `:\n${output}` : ""}${fix ? `\n${fix}` : ""}`);
  }

  // The id of a local Docker image, or undefined when it is absent.
  async function imageId(tag) {
    const result = await run("docker", ["image", "inspect", "--format", "{{.Id}}", tag], { timeoutMs: 30_000 });
    return result.code === 0 ? result.stdout.trim() : undefined;
  }

  return { run, must, imageId };
}

// Adds the sbin directories to PATH (a non-login root shell may lack them; dockerd, sshd, debootstrap
// and chroot live there), for this process and the commands it runs.
export function addSbinToPath() {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const dir of ["/usr/local/sbin", "/usr/sbin", "/sbin"]) if (!dirs.includes(dir)) dirs.push(dir);
  process.env.PATH = dirs.join(delimiter);
}

// Whether an executable of this name is on PATH.
export function hasBinary(name) {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

// Free TCP ports on `address` (held open together so they differ).
export async function freePorts(count, address) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, address, resolve);
      });
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
