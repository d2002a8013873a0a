// The forms a secret takes on its way out of a template, a command or a JSON document: literal,
// URL-encoded, JSON-escaped, shell-quoted, base64 (also inside a longer base64 text) and hex.

// Encoded forms shorter than this match ordinary text too often to be worth redacting.
const minFormLength = 4;

// Every distinct form of `secret` worth redacting, the literal first.
export function encodeSecretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = [
    secret,
    ...urlForms(secret),
    ...jsonForms(secret),
    secret.replaceAll("'", `'\\''`),
    ...base64Forms(bytes),
    bytes.toString("hex"),
    bytes.toString("hex").toUpperCase(),
  ];
  return [...new Set(forms)].filter((form, index) => index === 0 || form.length >= minFormLength);
}

// encodeURIComponent, encodeURI, form encoding, and Python's quote / quote_plus as Jinja2's
// `urlencode` filter applies them (see templates/filters-text.ts).
function urlForms(secret: string): string[] {
  let component: string;
  try {
    component = encodeURIComponent(secret);
  } catch {
    // A lone surrogate cannot be URL-encoded, so it never is.
    return [];
  }
  const python = component.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return [
    component,
    encodeURI(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    python.replaceAll("%2F", "/"),
    python.replaceAll("%20", "+"),
    python.replaceAll("%20", "+").replaceAll("%2F", "/"),
  ];
}

// JSON.stringify's escaping and Python's json.dumps (ensure_ascii), each also with the HTML-safe
// escapes of Jinja2's `tojson` (<, >, &, ' as \u003c…).
function jsonForms(secret: string): string[] {
  const js = JSON.stringify(secret).slice(1, -1);
  const python = js.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const htmlSafe = (text: string) =>
    text.replace(/[<>&']/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [js, python, htmlSafe(js), htmlSafe(python)];
}

// Standard and URL-safe base64 of the secret alone (with and without padding), and the characters
// that are the secret's own when it starts 0, 1 or 2 bytes into a 3-byte group of a longer text.
function base64Forms(bytes: Buffer): string[] {
  const standard: string[] = [];
  for (const offset of [0, 1, 2]) {
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const atEnd = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString("base64")
      .slice(first);
    const inside = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)])
      .toString("base64")
      .slice(first, last);
    standard.push(atEnd, atEnd.replace(/=+$/, ""), inside);
  }
  return [...standard, ...standard.map((form) => form.replaceAll("+", "-").replaceAll("/", "_"))];
}
