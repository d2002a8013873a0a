// Commands as people read them in plans and reports, and as the plan digest fingerprints them.
import { createHash } from "node:crypto";
import type { Command } from "../operations/operation.js";

// "write /etc/nginx/nginx.conf (1.2 kB, mode 644)", "create /etc/app.conf (new file, 0.4 kB, mode from
// the umask (644 under 022), owner: the user it runs as)", or the shell command itself. Sizes are rounded
// (see formatSize): the report is read by people who must not learn a templated secret's length.
export function describeCommand(command: Command): string {
  switch (command.type) {
    case "shell":
      return command.command;
    case "file": {
      const size = Buffer.byteLength(command.content, "base64");
      const owner =
        command.user || command.group ? `owner ${command.user ?? ""}${command.group ? `:${command.group}` : ""}` : "";
      const details = command.created
        ? [
            "new file",
            formatSize(size),
            command.mode ? `mode ${command.mode}` : "mode from the umask (644 under 022)",
            owner || "owner: the user it runs as",
          ]
        : [formatSize(size), command.mode ? `mode ${command.mode}` : "", owner];
      return `${command.created ? "create" : "write"} ${command.path} (${details.filter(Boolean).join(", ")})`;
    }
    case "get":
      return `download ${command.path} to ${command.local}`;
    case "reboot":
      return `reboot, then wait up to ${command.timeout}s for the host`;
    case "call":
      return `${command.description} (on this machine)`;
  }
}

// A stable fingerprint of commands, with file contents by hash. Never shown: it goes only into the
// keyed plan digest (report.ts planDigest), which a reader cannot recompute from a guessed content.
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

// To the nearest 100 bytes ("under 0.1 kB", "0.4 kB", "12.3 kB", "1.5 MB"): an exact size minus the
// template's known text would give the length of the secret rendered into it.
function formatSize(bytes: number): string {
  if (bytes === 0) return "empty";
  if (bytes < 100) return "under 0.1 kB";
  if (bytes < 999_950) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
