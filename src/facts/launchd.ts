// launchd's jobs (macOS) and whether each runs (launchctl list).
import { defineFact, emptyRecord, lines } from "./fact.js";

/**
 * launchd jobs by label: true when running (launchctl list gives it a process id).
 * `await host.getFact("LaunchdStatus")`; no arguments; {} without launchctl.
 */
export const LaunchdStatus = defineFact<undefined, Record<string, boolean>>({
  name: "LaunchdStatus",
  description: "launchd jobs and whether each is running",
  arguments: {},
  command: () => "if command -v launchctl >/dev/null 2>&1; then launchctl list; fi",
  parse: ({ stdout }) => {
    const jobs: Record<string, boolean> = emptyRecord();
    // "PID Status Label" then "123 0 com.example.job" or "- 0 com.example.idle".
    for (const line of lines(stdout)) {
      const [pid, , label] = line.trim().split(/\s+/);
      if (!label || pid === "PID") continue;
      jobs[label] = /^\d+$/.test(pid ?? "");
    }
    return jobs;
  },
});
