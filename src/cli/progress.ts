// Per-host progress of a plan or apply, on stderr: on a terminal one line rewritten in place
// ("1 planned, 2 planning · web-04 planning"), elsewhere a plain line per change ("[web-04] planning").
import type { CliIo } from "./io.js";

export interface Progress {
  // A host moved to a stage.
  stage(host: string, stage: string): void;
  // Writes other output (deploy code's console, the plan before the prompt) on lines of its own:
  // the live line is cleared first and drawn again after.
  interject(write: () => void): void;
  // Clears the live line until the next stage (before a prompt, at the end).
  hide(): void;
}

const clearLine = "\r\x1b[2K";

// Progress for these hosts; `live` on a terminal.
export function createProgress(hosts: readonly string[], live: boolean, io: CliIo): Progress {
  const stages = new Map(hosts.map((h) => [h, "waiting"]));
  // The live line as shown, "" when none is.
  let shown = "";
  const hide = () => {
    if (shown) io.stderr(clearLine);
    shown = "";
  };
  return {
    stage(host, stage) {
      stages.set(host, stage);
      if (!live) {
        io.stderr(`[${host}] ${stage}\n`);
        return;
      }
      const counts = new Map<string, number>();
      for (const s of stages.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
      const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(", ");
      shown = `${summary} · ${host} ${stage}`;
      io.stderr(`${clearLine}${shown}`);
    },
    interject(write) {
      const line = shown;
      hide();
      write();
      if (line) {
        shown = line;
        io.stderr(`${clearLine}${shown}`);
      }
    },
    hide,
  };
}
