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
  if (entry.hosts.startsWith("|1|")) {
    const [, , salt, hash] = entry.hosts.split("|");
    if (!salt || !hash) return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(token).digest("base64") === hash;
  }
  let matched = false;
  for (const pattern of entry.hosts.split(",")) {
    const negated = pattern.startsWith("!");
    if (patternToRegExp(negated ? pattern.slice(1) : pattern).test(token)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

// Judges a presented key against the entries for a host token.
export function verifyHostKey(entries: readonly KnownHost[], token: string, key: Buffer): HostKeyVerdict {
  const forHost = entries.filter((entry) => entryMatches(entry, token));
  const revoked = forHost.find((entry) => entry.marker === "@revoked" && entry.key.equals(key));
  if (revoked) return { status: "revoked", entry: revoked };
  const plain = forHost.filter((entry) => !entry.marker);
  const same = plain.find((entry) => entry.key.equals(key));
  if (same) return { status: "known", entry: same };
  const type = keyTypeOf(key);
  const sameType = plain.filter((entry) => entry.keyType === type);
  return sameType.length ? { status: "changed", expected: sameType } : { status: "unknown" };
}

// The key types known for a host, so the handshake can prefer them (as OpenSSH does).
export function knownKeyTypes(entries: readonly KnownHost[], token: string): string[] {
  return [...new Set(entries.filter((e) => !e.marker && entryMatches(e, token)).map((e) => e.keyType))];
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
