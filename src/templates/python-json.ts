// Python's json.dumps(value, sort_keys=True, indent=…) with ensure_ascii, as Jinja2's tojson calls it.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { formatFloatRepr, formatInt } from "./python-numbers.js";
import { compareCodePoints } from "./python-operators.js";
import { defined, dictEntries, isDict, isStr, PyFloat, strValue, typeName } from "./python-values.js";

// json.dumps's other arguments, as Ansible's to_json passes them (Jinja2's tojson: the defaults).
export interface JsonOptions {
  sortKeys?: boolean;
  ensureAscii?: boolean;
  // (item separator, key separator); Python's default is (", ", ": "), or (",", ": ") with an indent.
  separators?: readonly [string, string];
}

// json.dumps(value, sort_keys=True, indent=indent), or with other options.
export function dumpJson(value: unknown, indent: number | string | null, options: JsonOptions = {}): string {
  const unit = typeof indent === "number" ? " ".repeat(Math.max(0, indent)) : indent;
  const separators = options.separators ?? (unit === null ? [", ", ": "] : [",", ": "]);
  return dump(value, unit, "", { sortKeys: true, ensureAscii: true, ...options, separators });
}

// One value at a nesting level (`margin` is the current indentation).
function dump(value: unknown, unit: string | null, margin: string, options: Required<JsonOptions>): string {
  const known = defined(value);
  if (known === null) return "null";
  if (known === true) return "true";
  if (known === false) return "false";
  if (typeof known === "number") return Number.isInteger(known) ? formatInt(known) : dumpFloat(known);
  if (known instanceof PyFloat) return dumpFloat(known.value);
  if (isStr(known)) return quote(strValue(known), options.ensureAscii);
  if (Array.isArray(known))
    return container(
      "[",
      "]",
      known.map((item) => (inner: string) => dump(item, unit, inner, options)),
      unit,
      margin,
      options.separators,
    );
  if (isDict(known)) {
    const entries = dictEntries(known);
    if (options.sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
    const parts = entries.map(
      ([key, item]) =>
        (inner: string) =>
          `${quote(key, options.ensureAscii)}${options.separators[1]}${dump(item, unit, inner, options)}`,
    );
    return container("{", "}", parts, unit, margin, options.separators);
  }
  throw new JinjaRuntimeError(`Object of type ${typeName(known)} is not JSON serializable`);
}

// A list or object: one line with ", " separators, or one item per indented line.
function container(
  open: string,
  close: string,
  parts: ((margin: string) => string)[],
  unit: string | null,
  margin: string,
  separators: readonly [string, string],
): string {
  if (parts.length === 0) return open + close;
  if (unit === null) return open + parts.map((part) => part(margin)).join(separators[0]) + close;
  const inner = margin + unit;
  return `${open}\n${parts.map((part) => inner + part(inner)).join(`${separators[0]}\n`)}\n${margin}${close}`;
}

// A float as JSON: Python's repr, and NaN / Infinity / -Infinity for the non-finite.
function dumpFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return formatFloatRepr(x);
}

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

// A JSON string; with ensure_ascii every non-ASCII character is escaped.
function quote(text: string, ensureAscii = true): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = text.charCodeAt(i);
    const short = shortEscapes[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || (ensureAscii && code > 0x7e)) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}
