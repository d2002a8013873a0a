// Facts about the machine's hardware: CPUs, memory and mounted block devices.
import { defineFact, emptyRecord, lines, toInteger, unreadable } from "./fact.js";
import { cannotRead } from "./stderr.js";

/**
 * The number of online CPUs, or null when the host would not say.
 * `await host.getFact("Cpus")`; no arguments.
 */
export const Cpus = defineFact<undefined, number | null>({
  name: "Cpus",
  description: "the number of online CPUs (getconf)",
  arguments: {},
  command: () =>
    "getconf NPROCESSORS_ONLN 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || true",
  parse: ({ stdout }) => toInteger(lines(stdout)[0]),
});

/**
 * The memory installed, in MB (MemTotal of /proc/meminfo, else `vmstat -s`), or null.
 * `await host.getFact("Memory")`; no arguments.
 */
export const Memory = defineFact<undefined, number | null>({
  name: "Memory",
  description: "the memory installed, in MB",
  arguments: {},
  command: () => "cat /proc/meminfo 2>/dev/null || vmstat -s 2>/dev/null || true",
  parse: ({ stdout }) => {
    for (const line of lines(stdout)) {
      const kib = /^\s*MemTotal:\s+(\d+)\s*kB/i.exec(line)?.[1] ?? /^\s*(\d+)\s+K?\s*total memory/.exec(line)?.[1];
      if (kib) return Math.round(Number(kib) / 1024);
    }
    return null;
  },
});

/** One mounted block device of the BlockDevices fact (sizes in 1024-byte blocks). */
export interface BlockDeviceInfo {
  /** The size. */
  blocks: number;
  /** The space used. */
  used: number;
  /** The space available. */
  available: number;
  /** The percentage used, as df rounds it. */
  used_percent: number;
  /** Where it is mounted. */
  mount: string;
}

/**
 * Mounted block devices by device, from `df -P -k` (pyinfra skips devices named "none").
 * `await host.getFact("BlockDevices")`; no arguments.
 */
export const BlockDevices = defineFact<undefined, Record<string, BlockDeviceInfo>>({
  name: "BlockDevices",
  description: "mounted block devices and their usage (df)",
  arguments: {},
  command: () => "LC_ALL=C df -P -k",
  // df also fails when one mount cannot be read, yet prints the others: keep those.
  parse: ({ stdout, stderr, exitCode }) => {
    const devices: Record<string, BlockDeviceInfo> = emptyRecord();
    for (const line of lines(stdout)) {
      const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d{1,3})%\s+(.+)$/.exec(line.trim());
      if (!m?.[1] || m[1] === "none") continue;
      devices[m[1]] = {
        blocks: Number(m[2]),
        used: Number(m[3]),
        available: Number(m[4]),
        used_percent: Number(m[5]),
        mount: m[6] ?? "",
      };
    }
    if (exitCode !== 0 && Object.keys(devices).length === 0)
      return unreadable(cannotRead("the block devices", stderr, "list"));
    return devices;
  },
});
