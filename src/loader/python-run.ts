// Runs the Python runner on one file with python3 from PATH, bounded in time and output, and
// returns the one result line it printed (or why there is none).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { pythonRunner } from "./python-runner.js";

// How a Python file is run: the interpreter, the time limit and where its own output goes.
export interface PythonRunOptions {
  // The interpreter to run (a name looked up on PATH, like a workflow step would).
  python?: string;
  // The run is stopped after this long (a file waiting on a network call without a timeout).
  timeoutMs?: number;
  // Where the file's own output (print(), warnings) goes; defaults to this process's stderr.
  output?: (text: string) => void;
}

// What became of a run: the parsed result line, or why there is none.
export type PythonRun =
  | { kind: "result"; result: unknown }
  | { kind: "missing"; python: string }
  | { kind: "timeout"; seconds: number }
  | { kind: "too-large"; megabytes: number }
  | { kind: "crashed"; exitCode: number | null; signal: string | null; stderrTail: string; spawnError?: string };

// Ample for thousands of hosts with data; a bigger result is a runaway loop, not an inventory.
const maxResultBytes = 64 * 1024 * 1024;
// The file's own output passed on, at most; the rest is dropped with a note.
const maxPassedOutput = 1024 * 1024;
const defaultTimeoutMs = 60_000;
// After python3 exits, how long to wait for its pipes to close (a background child of the file may
// hold them open).
const drainMs = 1_000;

// Runs `python3 -c <runner> NONCE FILE` in the working directory; never rejects.
export function runPythonFile(file: string, options: PythonRunOptions = {}): Promise<PythonRun> {
  const python = options.python ?? "python3";
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const pass = boundedOutput(options.output ?? ((text) => process.stderr.write(text)));
  const nonce = `@@infra-action-result-${randomBytes(12).toString("hex")}@@`;
  return new Promise((resolve) => {
    const child = spawn(python, ["-c", pythonRunner, nonce, file], {
      stdio: ["ignore", "pipe", "pipe"],
      // No __pycache__ left in the user's repository; text in UTF-8 whatever the locale.
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrTail = "";
    let settled = false;
    const finish = (run: PythonRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve(run);
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ kind: "timeout", seconds: Math.round(timeoutMs / 1000) });
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxResultBytes) {
        child.kill("SIGKILL");
        finish({ kind: "too-large", megabytes: maxResultBytes / 1024 / 1024 });
      } else stdout.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      stderrTail = (stderrTail + text).slice(-2000);
      pass(text);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") finish({ kind: "missing", python });
      else finish({ kind: "crashed", exitCode: null, signal: null, stderrTail, spawnError: error.message });
    });
    const settle = (exitCode: number | null, signal: string | null) => {
      if (settled) return;
      const text = Buffer.concat(stdout).toString("utf8");
      const found = text.lastIndexOf(`\n${nonce}`);
      const other = found < 0 ? text : text.slice(0, found);
      if (other.trim() !== "") pass(other.endsWith("\n") ? other : `${other}\n`);
      const line = found < 0 ? undefined : text.slice(found + nonce.length + 1).split("\n")[0];
      if (line !== undefined) {
        try {
          finish({ kind: "result", result: JSON.parse(line) });
          return;
        } catch {
          // A cut-off line: reported as a crash below.
        }
      }
      finish({ kind: "crashed", exitCode, signal, stderrTail });
    };
    child.on("exit", (exitCode, signal) => {
      setTimeout(() => settle(exitCode, signal), drainMs).unref();
    });
    child.on("close", (exitCode, signal) => settle(exitCode, signal));
  });
}

// Passes text on until `max` characters have gone, then says once that the rest was dropped.
function boundedOutput(write: (text: string) => void): (text: string) => void {
  let left = maxPassedOutput;
  return (text) => {
    if (left <= 0) return;
    write(text.slice(0, left));
    left -= text.length;
    if (left <= 0) write("\n[infra-action: the Python file's further output is not shown]\n");
  };
}
