// OpenRC's services: which are started (rc-status) and which are in a runlevel (rc-update).
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, lines } from "./fact.js";

/** The arguments of the OpenrcStatus and OpenrcEnabled facts. */
export interface OpenrcArgs {
  /** The runlevel (default "default"). */
  runlevel?: string;
}

const runlevelArgument = { runlevel: { type: "string", description: 'the runlevel (default "default")' } } as const;

/**
 * OpenRC services of a runlevel, and those started by hand, by name: true when started.
 * `await host.getFact("OpenrcStatus", { runlevel })`; {} without rc-status.
 */
export const OpenrcStatus = defineFact<OpenrcArgs | undefined, Record<string, boolean>>({
  name: "OpenrcStatus",
  description: "OpenRC services of a runlevel (and those started by hand) and whether each is started",
  arguments: runlevelArgument,
  // A service started by hand is in no runlevel: `--manual` lists it, else it would look stopped
  // and be started again on every run.
  command: ({ runlevel = "default" } = {}) =>
    `if command -v rc-status >/dev/null 2>&1; then rc-status ${shellQuote(runlevel)}; rc-status --manual; fi`,
  parse: ({ stdout }) => {
    const services: Record<string, boolean> = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^\s+([\w.@+:-]+)\s+\[\s*([a-z]+)[^\]]*\]\s*$/.exec(line);
      if (match?.[1] && match[2]) services[match[1]] = match[2] === "started";
    }
    return services;
  },
});

/**
 * OpenRC services by name: true when in the runlevel (rc-update show -v).
 * `await host.getFact("OpenrcEnabled", { runlevel })`; {} without rc-update.
 */
export const OpenrcEnabled = defineFact<OpenrcArgs | undefined, Record<string, boolean>>({
  name: "OpenrcEnabled",
  description: "OpenRC services and whether each is in a runlevel",
  arguments: runlevelArgument,
  command: () => "if command -v rc-update >/dev/null 2>&1; then rc-update show -v; fi",
  parse: ({ stdout }, { runlevel = "default" } = {}) => {
    const services: Record<string, boolean> = emptyRecord();
    for (const line of lines(stdout)) {
      const bar = line.indexOf("|");
      const name = line.slice(0, bar).trim();
      if (bar > 0 && name)
        services[name] = line
          .slice(bar + 1)
          .trim()
          .split(/\s+/)
          .includes(runlevel);
    }
    return services;
  },
});
