// `@local`: the machine running infra-action, through a child process per command.
import { spawn } from "node:child_process";
import type { CommandOptions, DisconnectResult } from "./connector.js";
import type { DataKeySpec } from "./data-keys.js";
import { ShellConnector, type StartedProcess } from "./shell-connector.js";

// The local connector reads no host data.
export const localDataKeys: readonly DataKeySpec[] = [];

export class LocalConnector extends ShellConnector {
  // Commands still running, so a disconnect (on SIGINT/SIGTERM) can stop them.
  private readonly running = new Set<number>();

  async connect(): Promise<void> {}

  // Already root: running as root needs no sudo (which a minimal machine may not even have).
  override wrapCommand(command: string, options: CommandOptions): string {
    const asRoot = process.getuid?.() === 0 && (options.sudoUser ?? "root") === "root";
    return super.wrapCommand(command, asRoot ? { ...options, sudo: false, sudoUser: undefined } : options);
  }

  // Stops what is still running (its whole process group: scripts clean up on SIGTERM).
  async disconnect(): Promise<DisconnectResult> {
    for (const pid of this.running) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {}
    }
    return {};
  }

  protected async spawn(commandLine: string): Promise<StartedProcess> {
    // Its own process group, so a timeout kills what the command started too.
    const child = spawn("/bin/sh", ["-c", commandLine], { detached: true, stdio: ["pipe", "pipe", "pipe"] });
    if (child.pid) this.running.add(child.pid);
    const done = new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => {
        if (child.pid) this.running.delete(child.pid);
        resolve(code ?? (signal ? 128 + signalNumber(signal) : 255));
      });
    });
    child.stdin.on("error", () => undefined); // the command may exit without reading its input
    return {
      write: (data) => void child.stdin.write(data),
      end: () => child.stdin.end(),
      kill: () => {
        try {
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
      },
      onStdout: (listener) => void child.stdout.on("data", listener),
      onStderr: (listener) => void child.stderr.on("data", listener),
      done,
    };
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  return numbers[signal] ?? 0;
}
