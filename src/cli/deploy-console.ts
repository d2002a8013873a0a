// Deploy code's console output (console.log in a deploy file), a whole line at a time under its
// host's prefix ("[web-01] …"), so hosts running in parallel and the progress line never share a line.
import { format } from "node:util";
import { currentDeployHost } from "../engine/deploy-scope.js";

export interface DeployConsoleTarget {
  // Writes lines meant for stdout (log, info, debug) or stderr (warn, error).
  stdout(text: string): void;
  stderr(text: string): void;
}

const methods = { log: "stdout", info: "stdout", debug: "stdout", warn: "stderr", error: "stderr" } as const;

// Routes console calls made by deploy code to `target` until the returned function restores the
// console; calls from anywhere else go to the console as before.
export function captureDeployConsole(target: DeployConsoleTarget): () => void {
  const names = Object.keys(methods) as Array<keyof typeof methods>;
  const originals = names.map((name) => [name, console[name]] as const);
  for (const [name, original] of originals) {
    console[name] = (...args: unknown[]) => {
      const host = currentDeployHost();
      if (host === undefined) return original.apply(console, args);
      const lines = format(...args).split("\n");
      target[methods[name]](lines.map((line) => `[${host}] ${line}\n`).join(""));
    };
  }
  return () => {
    for (const [name, original] of originals) console[name] = original;
  };
}
