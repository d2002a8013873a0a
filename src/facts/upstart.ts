// upstart's jobs and whether each runs (initctl list).
import { defineFact, emptyRecord, lines } from "./fact.js";

/**
 * upstart jobs by name: true when running.
 * `await host.getFact("UpstartStatus")`; no arguments; {} without initctl.
 */
export const UpstartStatus = defineFact<undefined, Record<string, boolean>>({
  name: "UpstartStatus",
  description: "upstart jobs and whether each is running",
  arguments: {},
  command: () => "if command -v initctl >/dev/null 2>&1; then initctl list; fi",
  parse: ({ stdout }) => {
    const jobs: Record<string, boolean> = emptyRecord();
    // "ssh start/running, process 1234", "tty1 stop/waiting"; an instance job repeats its name.
    for (const line of lines(stdout)) {
      const match = /^([\w.@+-]+)(?: \([^)]*\))? [a-z]+\/([a-z-]+)/.exec(line);
      if (match?.[1] && match[2]) jobs[match[1]] = jobs[match[1]] === true || match[2] === "running";
    }
    return jobs;
  },
});
