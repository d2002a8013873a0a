// Redaction of known secret values from everything infra-action writes or posts.

// Replaces every occurrence of each secret (and each of its lines) with ***.
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    values.add(secret);
    for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 4) values.add(line.trim());
  }
  // Longest first, so a secret containing another is replaced whole.
  const ordered = [...values].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((out, value) => out.split(value).join("***"), text);
}

// Host data keys whose values are passwords: redacted wherever they would show.
export const SECRET_DATA_KEYS = ["_sudo_password", "ssh_password", "ssh_key_password"] as const;

// The secret values held in the hosts' data (see SECRET_DATA_KEYS).
export function secretDataValues(hosts: Iterable<{ data: Record<string, unknown> }>): string[] {
  const values: string[] = [];
  for (const host of hosts) {
    for (const key of SECRET_DATA_KEYS) {
      const value = host.data[key];
      if (typeof value === "string" && value) values.push(value);
    }
  }
  return values;
}

// Applies a redactor to every string inside a JSON-like value.
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  }
  return value;
}
