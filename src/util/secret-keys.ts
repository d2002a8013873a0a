// The host-data keys that hold passwords: their values are redacted wherever they would show, and
// messages about them name the key, never the value.
import { isPlainObject, kindOf } from "./describe-value.js";

// Host data keys whose values are passwords.
export const SECRET_DATA_KEYS = ["_sudo_password", "ssh_password", "ssh_key_password", "mysql_password"] as const;

// True for a host-data key whose value is a password.
export function isSecretKey(key: string): boolean {
  return (SECRET_DATA_KEYS as readonly string[]).includes(key);
}

// What a message says about a password's value: its kind only, e.g. "a number (not shown)".
export function describeSecretValue(value: unknown): string {
  return `${kindOf(value)} (not shown)`;
}

// A copy of a value with the passwords in it (values of SECRET_DATA_KEYS, at any depth) replaced by
// "***", for messages that quote host data; cycles and depth past 20 are left as they are.
export function hideSecretKeys(value: unknown, depth = 0, seen = new Set<unknown>()): unknown {
  if (depth > 20 || value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => hideSecretKeys(item, depth + 1, seen));
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isSecretKey(key) ? "***" : hideSecretKeys(item, depth + 1, seen),
      ]),
    );
  } finally {
    seen.delete(value);
  }
}
