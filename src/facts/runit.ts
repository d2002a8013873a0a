// runit's services: their state (sv status) and which are managed (linked into the service directory).
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, emptyRecord, lines } from "./fact.js";

/** The arguments of the RunitStatus and RunitManaged facts. */
export interface RunitArgs {
  /** Only this service (default: every one in svdir). */
  service?: string;
  /** The service directory runsvdir watches (SVDIR, default "/var/service"). */
  svdir?: string;
}

const runitArguments = {
  service: { type: "string", description: "only this service (default: every one in svdir)" },
  svdir: { type: "string", description: 'the service directory runsvdir watches (default "/var/service")' },
} as const;

/**
 * runit services by name: true when up ("run"), false when down, null otherwise (failing, no runsv yet).
 * `await host.getFact("RunitStatus", { service, svdir })`.
 */
export const RunitStatus = defineFact<RunitArgs | undefined, Record<string, boolean | null>>({
  name: "RunitStatus",
  description: "runit services and whether each is up",
  arguments: runitArguments,
  // Run in svdir with "./name" (sv reads a name with a leading "./" as that directory, so a name is
  // never taken for an option). `sv status` exits non-zero when a service has no runsv: its line
  // ("fail: …") still says so.
  command: ({ service, svdir = "/var/service" } = {}) => {
    const dir = shellQuote(svdir);
    if (service !== undefined) return `cd ${dir} 2>/dev/null && sv status ${shellQuote(`./${service}`)} 2>&1; true`;
    return `cd ${dir} 2>/dev/null && for s in *; do [ -e "$s" ] || [ -L "$s" ] || continue; sv status "./$s" 2>&1; done; true`;
  },
  parse: ({ stdout }) => {
    const services: Record<string, boolean | null> = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^(run|down|fail|warning): (?:\.\/)?([^:]+):/.exec(line.trim());
      if (!match?.[1] || !match[2]) continue;
      const name = match[2];
      services[name] = match[1] === "run" ? true : match[1] === "down" ? false : null;
    }
    return services;
  },
});

/**
 * The services managed by runit: the symbolic links in svdir.
 * `await host.getFact("RunitManaged", { service, svdir })`.
 */
export const RunitManaged = defineFact<RunitArgs | undefined, string[]>({
  name: "RunitManaged",
  description: "runit services linked into the service directory",
  arguments: runitArguments,
  command: ({ service, svdir = "/var/service" } = {}) => {
    const dir = shellQuote(svdir);
    if (service !== undefined) {
      const link = shellQuote(`${svdir}/${service}`);
      return `if [ -L ${link} ]; then printf '%s\\n' ${shellQuote(service)}; fi`;
    }
    return `if [ -d ${dir} ]; then cd ${dir} && for s in *; do [ -L "$s" ] && printf '%s\\n' "$s"; done; fi; true`;
  },
  parse: ({ stdout }) => lines(stdout).map((l) => l.trim()),
});
