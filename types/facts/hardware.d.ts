/**
 * The number of online CPUs, or null when the host would not say.
 * `await host.getFact("Cpus")`; no arguments.
 */
export declare const Cpus: import("./fact.js").Fact<undefined, number | null>;
/**
 * The memory installed, in MB (MemTotal of /proc/meminfo, else `vmstat -s`), or null.
 * `await host.getFact("Memory")`; no arguments.
 */
export declare const Memory: import("./fact.js").Fact<undefined, number | null>;
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
export declare const BlockDevices: import("./fact.js").Fact<undefined, Record<string, BlockDeviceInfo>>;
