// Redaction of known secret values from everything infra-action writes or posts: the one redactor
// both faces use, and the warning for secrets too short to redact.
import { SECRET_DATA_KEYS } from "../util/secret-keys.js";
import { encodeSecretForms } from "./secret-forms.js";

// A secret as a face knows it: a name for messages (never the value) and the value.
export interface NamedSecret {
  name: string;
  value: string;
}

// Secrets shorter than this get a warning: a short value also turns up in ordinary text (so where
// *** appears gives it away) and its encoded forms are too short to redact.
export const MIN_SECRET_LENGTH = 6;
// Shorter values are not redacted at all: redacting them would blank out ordinary text.
const minRedactedLength = 3;

// Replaces every occurrence of each secret, in each of its forms (URL-encoded, JSON-escaped, base64,
// hex, shell-quoted: see secret-forms.ts), and of each line of a multi-line secret, with ***.
export function createRedactor(secrets: Iterable<string | NamedSecret>): (text: string) => string {
  const values = new Set<string>();
  for (const secret of secrets) {
    const value = typeof secret === "string" ? secret : secret.value;
    if (value.length < minRedactedLength) continue;
    for (const form of encodeSecretForms(value)) values.add(form);
    for (const line of value.split(/\r?\n/)) if (line.trim().length >= 4) values.add(line.trim());
  }
  if (values.size === 0) return (text) => text;
  // Longest first, so a secret containing another is replaced whole; one pass over the text.
  const ordered = [...values].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(ordered.map(escapeRegExp).join("|"), "g");
  return (text) => text.replace(pattern, "***");
}

// Warns once per value too short to redact reliably (see MIN_SECRET_LENGTH), naming its secrets.
export function warnAboutShortSecrets(secrets: Iterable<NamedSecret>, warn: (message: string) => void): void {
  const names = new Map<string, string[]>();
  for (const { name, value } of secrets) {
    if (value.length >= MIN_SECRET_LENGTH) continue;
    names.set(value, [...(names.get(value) ?? []), name]);
  }
  for (const [value, list] of names) {
    const shown = list.length > 3 ? `${list.slice(0, 3).join(", ")} and ${list.length - 3} more` : list.join(", ");
    const consequence =
      value.length < minRedactedLength ? "it is not redacted at all" : "it cannot be redacted reliably";
    warn(
      `secret ${shown} is shorter than ${MIN_SECRET_LENGTH} characters: ${consequence}. Use a value of ${MIN_SECRET_LENGTH} characters or more.`,
    );
  }
}

// The passwords in the hosts' data (see SECRET_DATA_KEYS), named "_sudo_password of web-01".
export function secretDataValues(hosts: Iterable<{ name: string; data: Record<string, unknown> }>): NamedSecret[] {
  const values: NamedSecret[] = [];
  for (const host of hosts) {
    for (const key of SECRET_DATA_KEYS) {
      const value = host.data[key];
      // A number is a password too (`_sudo_password: 1234`): it is redacted as its text.
      if ((typeof value === "string" && value) || typeof value === "number" || typeof value === "bigint")
        values.push({ name: `${key} of ${host.name}`, value: String(value) });
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

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}
