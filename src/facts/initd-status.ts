// pyinfra's InitdStatus: every /etc/init.d script with an LSB header, and whether its status says running.
import { defineFact, emptyRecord, lines } from "./fact.js";

/**
 * Every /etc/init.d script with an LSB header by name: true when its `status` exits 0, false for
 * 1 to 3 (not running), null for anything else (no status support, or no answer within 10 seconds).
 * `await host.getFact("InitdStatus")`; no arguments.
 */
export const InitdStatus = defineFact<undefined, Record<string, boolean | null>>({
  name: "InitdStatus",
  description: "every init.d service and whether its status says running",
  arguments: {},
  // A script that hangs on `status` is stopped after 10 seconds (timeout's 124: unknown).
  command: () =>
    't=; if command -v timeout >/dev/null 2>&1; then t="timeout 10"; fi; ' +
    'for s in /etc/init.d/*; do [ -x "$s" ] && grep -q \'### BEGIN INIT INFO\' "$s" 2>/dev/null || continue; ' +
    '$t "$s" status </dev/null >/dev/null 2>&1; rc=$?; echo "$(basename "$s")=$rc"; done',
  parse: ({ stdout }) => {
    const services: Record<string, boolean | null> = emptyRecord();
    for (const line of lines(stdout)) {
      const m = /^([\w.@+-]+)=(\d+)$/.exec(line.trim());
      if (!m?.[1]) continue;
      const code = Number(m[2]);
      services[m[1]] = code === 0 ? true : code < 4 ? false : null;
    }
    return services;
  },
});
