// Network facts: devices with their addresses (ip, ifconfig, else /sys and /proc), and IPv4 by device.
import { defineFact, emptyRecord, isUnreadable, lines, type Unreadable } from "./fact.js";

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

const sysfsMarker = "--infra-action-sysfs--";

// ip(8) and ifconfig live in /sbin, often outside a user's PATH over SSH; minimal images have neither.
const networkCommand = [
  'PATH="$PATH:/usr/sbin:/sbin"',
  "if command -v ip >/dev/null 2>&1; then LC_ALL=C ip addr show",
  "elif command -v ifconfig >/dev/null 2>&1; then LC_ALL=C ifconfig -a",
  `else echo ${sysfsMarker}; for d in /sys/class/net/*; do [ -e "$d" ] || continue; ` +
    'echo "dev $(basename "$d") $(cat "$d/address" 2>/dev/null) $(cat "$d/mtu" 2>/dev/null) $(cat "$d/flags" 2>/dev/null)"; done; ' +
    "echo --inet6--; cat /proc/net/if_inet6 2>/dev/null; echo --route--; cat /proc/net/route 2>/dev/null; " +
    "echo --fib--; cat /proc/net/fib_trie 2>/dev/null; fi",
].join("; ");

/**
 * Network devices by name: MAC (`ether`), MTU, state and their IPv4 and IPv6 addresses (the first as
 * `address`, the others in `additional_ips`). Reads `ip addr`, else `ifconfig -a`, else /sys/class/net and /proc.
 * `await host.getFact("NetworkDevices")`; no arguments.
 */
export const NetworkDevices = defineFact<undefined, Record<string, NetworkDeviceInfo>>({
  name: "NetworkDevices",
  description: "network devices with their MAC, MTU, state and addresses",
  arguments: {},
  command: () => networkCommand,
  parse: ({ stdout }) => (stdout.includes(sysfsMarker) ? parseSysfs(stdout) : parseIpOrIfconfig(stdout)),
});

/**
 * IPv4 addresses by device (devices without one left out).
 * `await host.getFact("Ipv4Addrs")`; no arguments.
 */
export const Ipv4Addrs = defineFact<undefined, Record<string, string[]>>({
  name: "Ipv4Addrs",
  description: "IPv4 addresses by network device",
  arguments: {},
  command: () => networkCommand,
  parse: (output, args) =>
    mapDevices(NetworkDevices.parse(output, args), (ipv4) => [
      ipv4.address,
      ...(ipv4.additional_ips ?? []).map((ip) => ip.address),
    ]),
});

/**
 * The first IPv4 address of each device (devices without one left out); pyinfra's older form of Ipv4Addrs.
 * `await host.getFact("Ipv4Addresses")`; no arguments.
 */
export const Ipv4Addresses = defineFact<undefined, Record<string, string>>({
  name: "Ipv4Addresses",
  description: "the first IPv4 address of each network device",
  arguments: {},
  command: () => networkCommand,
  parse: (output, args) => mapDevices(NetworkDevices.parse(output, args), (ipv4) => ipv4.address),
});

function mapDevices<T>(
  devices: Record<string, NetworkDeviceInfo> | Unreadable,
  pick: (ipv4: IpAddresses) => T,
): Record<string, T> {
  const result: Record<string, T> = emptyRecord();
  if (isUnreadable(devices)) return result;
  for (const [name, device] of Object.entries(devices)) if (device.ipv4?.address) result[name] = pick(device.ipv4);
  return result;
}

// "ip addr show" or "ifconfig -a" output: one section per device.
function parseIpOrIfconfig(text: string): Record<string, NetworkDeviceInfo> {
  const devices: Record<string, NetworkDeviceInfo> = emptyRecord();
  const sections = text
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .split(/\n(?=\d+: \S|[\w.@-]+:?\s.*mtu)/);
  for (const section of sections) {
    const name = /^(?:\d+: )?([\w.@-]+?)(?:@[\w.-]+)?:?\s/.exec(section)?.[1];
    if (!name) continue;
    const device: NetworkDeviceInfo = { state: deviceState(section) };
    const ether = /(?:link\/ether|ether|HWaddr)\s+([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})/.exec(section)?.[1];
    if (ether) device.ether = ether;
    const mtu = /mtu[\s:](\d+)/i.exec(section)?.[1];
    if (mtu) device.mtu = Number(mtu);
    const ipv4: IpAddress[] = [];
    for (const m of section.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\/(\d+)(?: brd (\d+\.\d+\.\d+\.\d+))?/g))
      ipv4.push(ipv4Address(m[1] ?? "", Number(m[2]), m[3] ?? null));
    for (const m of section.matchAll(
      /inet (?:addr:)?(\d+\.\d+\.\d+\.\d+)\s+(?:netmask\s+|(?:Bcast:\S+\s+)?Mask:)((?:\d+\.\d+\.\d+\.\d+)|0x[0-9a-fA-F]+)(?:\s+broadcast\s+(\d+\.\d+\.\d+\.\d+))?/g,
    ))
      ipv4.push(ipv4Address(m[1] ?? "", maskBits(m[2] ?? ""), m[3] ?? null));
    const ipv6: IpAddress[] = [];
    for (const m of section.matchAll(/inet6 (?:addr:\s*)?([0-9a-fA-F:]+)(?:\/(\d+)|\s+prefixlen\s+(\d+))/g))
      ipv6.push({ address: m[1] ?? "", mask_bits: Number(m[2] ?? m[3]) });
    setAddresses(device, ipv4, ipv6);
    devices[name] = device;
  }
  return devices;
}

// pyinfra's reading: "UP" when the device is up (its UP flag), "DOWN" when not.
function deviceState(section: string): string {
  const flags = /<([^>]*)>/.exec(section)?.[1]?.split(",") ?? section.split(/\s+/);
  if (flags.includes("UP")) return "UP";
  return flags.includes("DOWN") || /<[^>]*>/.test(section) || /\bstate DOWN\b/.test(section) ? "DOWN" : "UNKNOWN";
}

// /sys/class/net devices, IPv6 from /proc/net/if_inet6, IPv4 from the kernel's local routes (fib_trie).
function parseSysfs(text: string): Record<string, NetworkDeviceInfo> {
  const devices: Record<string, NetworkDeviceInfo> = emptyRecord();
  const [head = "", rest = ""] = text.split("--inet6--");
  const [inet6 = "", rest2 = ""] = rest.split("--route--");
  const [route = "", fib = ""] = rest2.split("--fib--");
  for (const line of lines(head)) {
    const [tag, name, ...fields] = line.trim().split(/\s+/);
    if (tag !== "dev" || !name) continue;
    const ether = fields.find((f) => /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(f));
    const mtu = fields.find((f) => /^\d+$/.test(f));
    // The interface flags ("0x1003"): IFF_UP is bit 0.
    const flags = fields.find((f) => /^0x[0-9a-f]+$/i.test(f));
    const state = flags ? ((Number.parseInt(flags, 16) & 1) === 1 ? "UP" : "DOWN") : "UNKNOWN";
    const device: NetworkDeviceInfo = { state };
    if (ether && ether !== "00:00:00:00:00:00") device.ether = ether;
    if (mtu) device.mtu = Number(mtu);
    devices[name] = device;
  }
  const ipv6 = new Map<string, IpAddress[]>();
  for (const line of lines(inet6)) {
    const [hex, , prefix, , , name] = line.trim().split(/\s+/);
    if (!hex || !/^[0-9a-f]{32}$/i.test(hex) || !name) continue;
    const address = compressIpv6(hex);
    ipv6.set(name, [...(ipv6.get(name) ?? []), { address, mask_bits: Number.parseInt(prefix ?? "0", 16) }]);
  }
  const ipv4 = localIpv4(route, fib);
  for (const [name, device] of Object.entries(devices))
    setAddresses(device, ipv4.get(name) ?? [], ipv6.get(name) ?? []);
  return devices;
}

// The host's own IPv4 addresses ("/32 host LOCAL" in fib_trie), each given the device of the
// longest route containing it (127/8 is loopback's).
function localIpv4(route: string, fib: string): Map<string, IpAddress[]> {
  const routes = lines(route)
    .slice(1)
    .flatMap((line) => {
      const [name, destination, , , , , , mask] = line.trim().split(/\s+/);
      if (!name || !destination || !mask || !/^[0-9A-F]{8}$/i.test(destination) || !/^[0-9A-F]{8}$/i.test(mask))
        return [];
      return [{ name, destination: littleEndian(destination), mask: littleEndian(mask) }];
    })
    .filter((r) => r.mask !== 0);
  const local = new Set<string>();
  const fibLines = fib.split("\n");
  fibLines.forEach((line, i) => {
    const address = /\|--\s+(\d+\.\d+\.\d+\.\d+)/.exec(line)?.[1];
    if (address && /\/32 host LOCAL/.test(fibLines[i + 1] ?? "")) local.add(address);
  });
  const byDevice = new Map<string, IpAddress[]>();
  for (const address of local) {
    const value = ipv4ToNumber(address);
    const match = address.startsWith("127.")
      ? { name: "lo", mask: 0xff000000 }
      : routes
          .filter((r) => (value & r.mask) >>> 0 === r.destination)
          .sort((a, b) => bitCount(b.mask) - bitCount(a.mask))[0];
    if (!match) continue;
    const bits = bitCount(match.mask);
    const broadcast = bits < 31 && !address.startsWith("127.") ? numberToIpv4((value | ~match.mask) >>> 0) : null;
    byDevice.set(match.name, [...(byDevice.get(match.name) ?? []), ipv4Address(address, bits, broadcast)]);
  }
  return byDevice;
}

function setAddresses(device: NetworkDeviceInfo, ipv4: IpAddress[], ipv6: IpAddress[]): void {
  const [first4, ...more4] = ipv4;
  if (first4) device.ipv4 = more4.length ? { ...first4, additional_ips: more4 } : first4;
  const [first6, ...more6] = ipv6;
  if (first6) device.ipv6 = more6.length ? { ...first6, additional_ips: more6 } : first6;
}

function ipv4Address(address: string, maskBitsValue: number, broadcast: string | null): IpAddress {
  const bits = Math.max(0, Math.min(32, maskBitsValue || 0));
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { address, mask_bits: bits, netmask: numberToIpv4(mask), broadcast };
}

// "255.255.255.0" or "0xffffff00" → 24.
function maskBits(mask: string): number {
  if (/^0x/i.test(mask)) return bitCount(Number.parseInt(mask, 16) >>> 0);
  return bitCount(ipv4ToNumber(mask));
}

function bitCount(value: number): number {
  let count = 0;
  for (let v = value >>> 0; v; v = (v & (v - 1)) >>> 0) count++;
  return count;
}

function ipv4ToNumber(address: string): number {
  return address.split(".").reduce((n, part) => ((n << 8) | (Number(part) & 0xff)) >>> 0, 0);
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join(".");
}

// /proc/net/route writes addresses as little-endian hex: "0100A8C0" is 192.168.0.1.
function littleEndian(hex: string): number {
  const bytes = hex.match(/../g) ?? [];
  return ipv4ToNumber(
    bytes
      .reverse()
      .map((b) => String(Number.parseInt(b, 16)))
      .join("."),
  );
}

// "fe800000000000000000000000000001" → "fe80::1".
function compressIpv6(hex: string): string {
  const groups = (hex.match(/.{4}/g) ?? []).map((g) => Number.parseInt(g, 16).toString(16));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === "0") j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(":");
  const left = groups.slice(0, best.start).join(":");
  const right = groups.slice(best.start + best.length).join(":");
  return `${left}::${right}`;
}
