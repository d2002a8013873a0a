// known_hosts: plain and hashed entries, host patterns, and the verdict for a presented host key.
import { createHash, createHmac } from "node:crypto";

export interface KnownHost {
  marker?: "@cert-authority" | "@revoked";
  // The host field: comma-separated patterns, or one hashed `|1|salt|hash` entry.
  hosts: string;
  keyType: string;
  key: Buffer;
  // "file:line" (or "ssh-known-hosts input:line") for messages.
  source: string;
}

export type HostKeyVerdict =
  | { status: "known"; entry: KnownHost }
  | { status: "unknown" }
  | { status: "changed"; expected: KnownHost[] }
  | { status: "revoked"; entry: KnownHost };

// Parses known_hosts text; malformed lines are skipped, as OpenSSH does.
export function parseKnownHosts(text: string, origin: string): KnownHost[] {
  const entries: KnownHost[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const fields = line.split(/\s+/);
    const marker = fields[0] === "@cert-authority" || fields[0] === "@revoked" ? fields.shift() : undefined;
    const [hosts, keyType, base64] = fields;
    if (!hosts || !keyType || !base64) return;
    const key = Buffer.from(base64, "base64");
    if (key.length === 0) return;
    entries.push({
      ...(marker ? { marker: marker as KnownHost["marker"] } : {}),
      hosts,
      keyType,
      key,
      source: `${origin}:${index + 1}`,
    });
  });
  return entries;
}

// How known_hosts names a host: `name` on port 22, else `[name]:port`.
export function hostToken(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

// Tells whether an entry's host field matches a host token (hashed, or patterns with * ? and !).
export function entryMatches(entry: KnownHost, token: string): boolean {
  return entryMatcher(entry)(token);
}

// An entry's host field as a test of host tokens, its patterns compiled once.
function entryMatcher(entry: KnownHost): (token: string) => boolean {
  if (entry.hosts.startsWith("|1|")) {
    const [, , salt, hash] = entry.hosts.split("|");
    if (!salt || !hash) return () => false;
    const key = Buffer.from(salt, "base64");
    return (token) => createHmac("sha1", key).update(token).digest("base64") === hash;
  }
  const patterns = entry.hosts.split(",").map((pattern) => {
    const negated = pattern.startsWith("!");
    return { negated, pattern: patternToRegExp(negated ? pattern.slice(1) : pattern) };
  });
  return (token) => {
    let matched = false;
    for (const { negated, pattern } of patterns) {
      if (!pattern.test(token)) continue;
      if (negated) return false;
      matched = true;
    }
    return matched;
  };
}

// known_hosts entries ready for lookups by host. An entry whose host field is plain names is found
// by name; only hashed entries and those with wildcards or negations are tried one by one. So a run
// of many hosts against a known_hosts of many lines does not try every line for every host.
// Lookups give the entries in the order they were added.
export class KnownHostsIndex {
  private readonly entries: KnownHost[] = [];
  private readonly byName = new Map<string, number[]>();
  private readonly tried: { at: number; matches: (token: string) => boolean }[] = [];

  constructor(entries: readonly KnownHost[] = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: KnownHost): void {
    const at = this.entries.push(entry) - 1;
    const names = entry.hosts.startsWith("|1|") ? [] : entry.hosts.split(",");
    if (names.length > 0 && names.every((name) => !name.startsWith("!") && !/[*?]/.test(name))) {
      // (names match without regard to case, as OpenSSH's patterns do)
      for (const name of new Set(names.map((n) => n.toLowerCase()))) {
        const found = this.byName.get(name);
        if (found) found.push(at);
        else this.byName.set(name, [at]);
      }
    } else {
      this.tried.push({ at, matches: entryMatcher(entry) });
    }
  }

  // The entries whose host field matches a host token.
  forHost(token: string): KnownHost[] {
    const found = [...(this.byName.get(token.toLowerCase()) ?? [])];
    for (const { at, matches } of this.tried) if (matches(token)) found.push(at);
    return found.sort((x, y) => x - y).map((at) => this.entries[at] as KnownHost);
  }
}

// Judges a presented key against the entries for its host (`KnownHostsIndex.forHost`).
export function verifyHostKey(forHost: readonly KnownHost[], key: Buffer): HostKeyVerdict {
  const revoked = forHost.find((entry) => entry.marker === "@revoked" && entry.key.equals(key));
  if (revoked) return { status: "revoked", entry: revoked };
  const plain = forHost.filter((entry) => !entry.marker);
  const same = plain.find((entry) => entry.key.equals(key));
  if (same) return { status: "known", entry: same };
  const type = keyTypeOf(key);
  const sameType = plain.filter((entry) => entry.keyType === type);
  return sameType.length ? { status: "changed", expected: sameType } : { status: "unknown" };
}

// The key types known for a host (from its entries), so the handshake can prefer them (as OpenSSH does).
export function knownKeyTypes(forHost: readonly KnownHost[]): string[] {
  return [...new Set(forHost.filter((e) => !e.marker).map((e) => e.keyType))];
}

// The key type named inside an SSH public key blob ("ssh-ed25519").
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return "unknown";
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString("latin1");
}

// OpenSSH's fingerprint of a key blob: "SHA256:" and unpadded base64.
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}

// One known_hosts line for a host token and key, as `ssh-keyscan` prints it.
export function knownHostsLine(token: string, key: Buffer): string {
  return `${token} ${keyTypeOf(key)} ${key.toString("base64")}`;
}

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "i");
}
