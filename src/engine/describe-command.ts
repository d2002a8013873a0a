// Commands as people read them in plans and reports, and as the plan digest fingerprints them.
import { createHash } from "node:crypto";
import type { Command } from "../operations/operation.js";

// "write /etc/nginx/nginx.conf (1.2 kB, mode 644)", or the shell command itself.
export function describeCommand(command: Command): string {
  switch (command.type) {
    case "shell":
      return command.command;
    case "file": {
      const size = Buffer.byteLength(command.content, "base64");
      const details = [
        formatBytes(size),
        command.mode ? `mode ${command.mode}` : "",
        command.user || command.group ? `owner ${command.user ?? ""}${command.group ? `:${command.group}` : ""}` : "",
      ];
      return `write ${command.path} (${details.filter(Boolean).join(", ")})`;
    }
    case "get":
      return `download ${command.path} to ${command.local}`;
    case "reboot":
      return `reboot, then wait up to ${command.timeout}s for the host`;
  }
}

// A stable fingerprint of commands, with file contents by hash.
export function fingerprintCommands(commands: Command[]): string {
  const hash = createHash("sha256");
  for (const command of commands) {
    hash.update(
      JSON.stringify(
        command.type === "file"
          ? { ...command, content: createHash("sha256").update(command.content).digest("hex") }
          : command,
      ),
    );
  }
  return hash.digest("hex");
}

function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
