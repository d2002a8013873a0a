// BSD init's rc.d scripts (/etc/rc.d, /usr/local/etc/rc.d) and whether each says it runs.
import { defineFact, emptyRecord, lines } from "./fact.js";
import { osName } from "./server.js";

/**
 * rc.d scripts by name: true when `status` (or OpenBSD's `check`) exits 0, false for 1 to 3, null otherwise.
 * `await host.getFact("RcdStatus")`; no arguments; {} on Linux.
 */
export const RcdStatus = defineFact<undefined, Record<string, boolean | null>>({
  name: "RcdStatus",
  description: "BSD rc.d services and whether each says it is running",
  arguments: {},
  // Never on Linux: its /etc/rc.d holds other things, and running them with "status" may do harm.
  command: () =>
    `${osName}; [ "$__ia_os" = Linux ] && exit 0; ` +
    'for s in /etc/rc.d/* /usr/local/etc/rc.d/*; do [ -f "$s" ] && [ -x "$s" ] || continue; ' +
    '"$s" status </dev/null >/dev/null 2>&1 || "$s" check </dev/null >/dev/null 2>&1; rc=$?; echo "$(basename "$s")=$rc"; done',
  parse: ({ stdout }) => {
    const services: Record<string, boolean | null> = emptyRecord();
    for (const line of lines(stdout)) {
      const match = /^([\w.@+-]+)=(\d+)$/.exec(line.trim());
      if (!match?.[1]) continue;
      const code = Number(match[2]);
      services[match[1]] = code === 0 ? true : code < 4 ? false : null;
    }
    return services;
  },
});
