// Short descriptions of arbitrary values for error messages: `42 (a number)`.

const maxShown = 80;

// The value as code would show it, cut to a readable length, with its kind.
export function describeValue(value: unknown): string {
  return `${showValue(value)} (${kindOf(value)})`;
}

// A compact literal form of a value.
export function showValue(value: unknown): string {
  let shown: string;
  if (typeof value === "function") shown = `function ${value.name || "(anonymous)"}`;
  else if (typeof value === "bigint") shown = `${value}n`;
  else if (value === undefined) shown = "undefined";
  else {
    try {
      shown = JSON.stringify(value) ?? String(value);
    } catch {
      shown = String(value);
    }
  }
  return shown.length > maxShown ? `${shown.slice(0, maxShown - 1)}…` : shown;
}

// "a number", "an array", "an object", "null", …
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Promise) return "a Promise";
  const type = typeof value;
  if (type === "object") return isPlainObject(value) ? "an object" : `an instance of ${constructorName(value)}`;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

// True for `{…}` literals and JSON objects (not arrays, class instances, Maps or Dates).
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function constructorName(value: unknown): string {
  return (value as { constructor?: { name?: string } }).constructor?.name ?? "a class";
}
