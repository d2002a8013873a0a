/** An address of a device, as NetworkDevices gives it. */
export interface IpAddress {
    /** The address: "192.168.1.10", "fe80::1". */
    address: string;
    /** The prefix length: 24. */
    mask_bits: number;
    /** The netmask, IPv4 only: "255.255.255.0". */
    netmask?: string;
    /** The broadcast address, IPv4 only, or null. */
    broadcast?: string | null;
}
/** A device's first address, with the others it has. */
export interface IpAddresses extends IpAddress {
    /** The device's other addresses of that family. */
    additional_ips?: IpAddress[];
}
/** One network device of the NetworkDevices fact. */
export interface NetworkDeviceInfo {
    /** The MAC address (absent for loopback). */
    ether?: string;
    /** The MTU. */
    mtu?: number;
    /** "UP", "DOWN" or "UNKNOWN". */
    state: string;
    /** Its IPv4 addresses. */
    ipv4?: IpAddresses;
    /** Its IPv6 addresses. */
    ipv6?: IpAddresses;
}
/**
 * Network devices by name: MAC (`ether`), MTU, state and their IPv4 and IPv6 addresses (the first as
 * `address`, the others in `additional_ips`). Reads `ip addr`, else `ifconfig -a`, else /sys/class/net and /proc.
 * `await host.getFact("NetworkDevices")`; no arguments.
 */
export declare const NetworkDevices: import("./fact.js").Fact<undefined, Record<string, NetworkDeviceInfo>>;
/**
 * IPv4 addresses by device (devices without one left out).
 * `await host.getFact("Ipv4Addrs")`; no arguments.
 */
export declare const Ipv4Addrs: import("./fact.js").Fact<undefined, Record<string, string[]>>;
/**
 * The first IPv4 address of each device (devices without one left out); pyinfra's older form of Ipv4Addrs.
 * `await host.getFact("Ipv4Addresses")`; no arguments.
 */
export declare const Ipv4Addresses: import("./fact.js").Fact<undefined, Record<string, string>>;
