// The Python value model templates see: JSON-like data read as Python values (dict, list, str, int, float,
// bool, None), plus the few Jinja2 objects (Undefined, Markup, tuples, namespaces). Printing, truthiness
// and type names follow Python 3.
//
// JavaScript has one number type, so an integral float (Python's `1.0`) cannot be told from an int in
// data: every integral number in data is an int. Integral floats that templates compute (`4 / 2`,
// `x|float`, `x|round`, a `1.0` literal) are boxed as PyFloat so they still print as `2.0`.
import { JinjaRuntimeError, UndefinedError } from "./jinja-errors.js";
import type { UndefinedKind } from "./jinja-options.js";
import { internals } from "./nunjucks-internals.js";
import { formatFloatRepr, formatInt } from "./python-numbers.js";

// What a missing variable, attribute or item evaluates to: Jinja2's StrictUndefined (every use raises), or
// with the `undefined` option its Undefined or ChainableUndefined (lenient: printed as nothing, false, empty).
export class JinjaUndefined {
  constructor(
    readonly message: string,
    readonly missingName?: string,
    readonly kind: UndefinedKind = "strict",
  ) {}

  // The same undefined value, of another kind.
  ofKind(kind: UndefinedKind): JinjaUndefined {
    return kind === this.kind ? this : new JinjaUndefined(this.message, this.missingName, kind);
  }

  // The error using this value raises.
  toError(): UndefinedError {
    return new UndefinedError(this.message, this.missingName);
  }
}

// An undefined variable `name`: `'name' is undefined`.
export function undefinedName(name: string, kind: UndefinedKind = "strict"): JinjaUndefined {
  return new JinjaUndefined(`${reprString(name)} is undefined`, name, kind);
}

// Whether a value is a lenient undefined (Undefined or ChainableUndefined), which prints as "" and is false.
export function isLenientUndefined(value: unknown): value is JinjaUndefined {
  return value instanceof JinjaUndefined && value.kind !== "strict";
}

// A float whose value is integral (Python `2.0`), kept apart from ints so it prints as a float.
export class PyFloat {
  constructor(readonly value: number) {}
}

// Jinja2's namespace(): an object whose attributes `{% set ns.x = … %}` may assign.
export class Namespace {
  constructor(readonly attributes: Record<string, unknown>) {}
}

// A function templates can call with Python arguments: positional ones and keyword ones.
export class PyCallable {
  constructor(
    readonly name: string,
    readonly call: (args: unknown[], kwargs: Record<string, unknown>) => unknown,
  ) {}
}

// Markup (a string the escape filter will not escape again) is nunjucks' SafeString.
export const Markup = internals.runtime.SafeString;
// A Markup string value.
export type Markup = InstanceType<typeof Markup>;

// Makes a Markup string.
export function markup(text: string): Markup {
  return new Markup(text);
}

const tuples = new WeakSet<readonly unknown[]>();
const namedTupleNames = new WeakMap<readonly unknown[], { type: string; fields: readonly string[] }>();
const dictViews = new WeakMap<readonly unknown[], string>();

// Makes a tuple: an array that prints as `(1, 2)` and is not a list.
export function makeTuple(items: unknown[]): unknown[] {
  tuples.add(items);
  return items;
}

// Makes a named tuple (Jinja2's groupby result): a tuple whose items are also attributes (it prints as a
// plain tuple, as Jinja2's _GroupTuple does).
export function makeNamedTuple(type: string, fields: readonly string[], items: unknown[]): unknown[] {
  namedTupleNames.set(items, { type, fields });
  return makeTuple(items);
}

// The attribute of a named tuple, or undefined.
export function namedTupleField(value: readonly unknown[], name: string): { value: unknown } | undefined {
  const index = namedTupleNames.get(value)?.fields.indexOf(name) ?? -1;
  return index === -1 ? undefined : { value: value[index] };
}

// Makes a dict view (`dict_items([...])`, `dict_keys([...])`, `dict_values([...])`): iterable like a list.
export function makeDictView(kind: "dict_items" | "dict_keys" | "dict_values", items: unknown[]): unknown[] {
  dictViews.set(items, kind);
  return items;
}

const ranges = new WeakMap<readonly unknown[], string>();

// Makes the list range() gives, printed as Python prints a range: `range(0, 3)`.
export function makeRange(items: number[], start: number, stop: number, step: number): number[] {
  ranges.set(items, step === 1 ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`);
  return items;
}

// A range or dict view as the plain list it holds (Ansible unrolls them); any other value as it is.
export function unrolled(value: unknown): unknown {
  return Array.isArray(value) && (ranges.has(value) || dictViews.has(value)) ? [...value] : value;
}

// Whether a value is a Python tuple.
export function isTuple(value: unknown): value is unknown[] {
  return Array.isArray(value) && tuples.has(value);
}

// Whether a value is a Python list (an array that is not a tuple).
export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value) && !tuples.has(value);
}

// Whether a value is a Python dict: a plain object (or a proxy of one).
export function isDict(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Whether a value is a str (Markup included).
export function isStr(value: unknown): value is string | Markup {
  return typeof value === "string" || value instanceof Markup;
}

// Whether a value is an int (bool excluded).
export function isInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

// Whether a value is a float.
export function isFloat(value: unknown): value is number | PyFloat {
  return value instanceof PyFloat || (typeof value === "number" && !Number.isInteger(value));
}

// Whether a value is a Python number: int, float or bool (bool is an int subclass in Python).
export function isNumeric(value: unknown): value is number | boolean | PyFloat {
  return typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat;
}

// Whether a value is callable from a template.
export function isCallable(value: unknown): boolean {
  return typeof value === "function" || value instanceof PyCallable;
}

// The number a numeric value stands for (booleans are 0 and 1).
export function toNumber(value: number | boolean | PyFloat): number {
  if (value instanceof PyFloat) return value.value;
  return typeof value === "boolean" ? Number(value) : value;
}

// A number as Python would hold it: a float result that happens to be integral stays a float.
export function makeNumber(value: number, float: boolean): number | PyFloat {
  return float && Number.isInteger(value) ? new PyFloat(value) : value;
}

// The text of a str value.
export function strValue(value: string | Markup): string {
  return typeof value === "string" ? value : value.val;
}

// Raises the error of an undefined value; returns any other value unchanged.
export function defined<T>(value: T | JinjaUndefined): T {
  if (value instanceof JinjaUndefined) throw value.toError();
  if (value === undefined) throw new UndefinedError("a value is undefined");
  return value;
}

// An int argument, or Python's TypeError (its message from the argument's type name, by default
// "'str' object cannot be interpreted as an integer").
export function requireInt(
  value: unknown,
  message: (type: string) => string = (type) => `'${type}' object cannot be interpreted as an integer`,
): number {
  const known = defined(value);
  if (!isNumeric(known) || isFloat(known)) throw new JinjaRuntimeError(message(typeName(known)));
  return toNumber(known);
}

// Python's type name: 'int', 'str', 'dict', 'NoneType'…
export function typeName(value: unknown): string {
  if (value === null) return "NoneType";
  if (value instanceof JinjaUndefined) return undefinedTypeNames[value.kind];
  if (typeof value === "boolean") return "bool";
  if (isInt(value)) return "int";
  if (isFloat(value)) return "float";
  if (typeof value === "string") return "str";
  if (value instanceof Markup) return "Markup";
  if (isTuple(value)) return "tuple";
  if (Array.isArray(value)) return "list";
  if (isDict(value)) return "dict";
  if (value instanceof Namespace) return "Namespace";
  if (isCallable(value)) return "function";
  return typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
}

const undefinedTypeNames: Record<UndefinedKind, string> = {
  strict: "StrictUndefined",
  default: "Undefined",
  chainable: "ChainableUndefined",
  ansible: "AnsibleUndefined",
};

// Python's bool(value); using a strict undefined value raises, a lenient one is false.
export function truthy(value: unknown): boolean {
  if (isLenientUndefined(value)) return false;
  const known = defined(value);
  if (known === null || known === false) return false;
  if (typeof known === "number") return known !== 0;
  if (known instanceof PyFloat) return known.value !== 0;
  if (isStr(known)) return strValue(known).length > 0;
  if (Array.isArray(known)) return known.length > 0;
  if (isDict(known)) return Object.keys(known).length > 0;
  return true;
}

// Python's str(value): what `{{ value }}` prints.
export function pyStr(value: unknown): string {
  if (isLenientUndefined(value)) return "";
  const known = defined(value);
  if (typeof known === "string") return known;
  if (known instanceof Markup) return known.val;
  return pyRepr(known);
}

// Python's repr(value): strings quoted, containers with their items' reprs.
export function pyRepr(value: unknown, seen: Set<object> = new Set()): string {
  // Jinja2's StrictUndefined raises on str() but not on repr(): `{{ [missing] }}` prints [Undefined].
  if (value instanceof JinjaUndefined) return "Undefined";
  const known = defined(value);
  if (known === null) return "None";
  if (typeof known === "boolean") return known ? "True" : "False";
  if (typeof known === "number") return Number.isInteger(known) ? formatInt(known) : formatFloatRepr(known);
  if (known instanceof PyFloat) return formatFloatRepr(known.value);
  if (typeof known === "string") return reprString(known);
  if (known instanceof Markup) return `Markup(${reprString(known.val)})`;
  if (typeof known === "function") return `<function ${known.name || "anonymous"}>`;
  if (typeof known !== "object") return String(known);
  if (seen.has(known)) return Array.isArray(known) ? "[...]" : "{...}";
  seen.add(known);
  try {
    return reprContainer(known, seen);
  } finally {
    seen.delete(known);
  }
}

// repr() of a list, tuple, dict view, dict or other object.
function reprContainer(value: object, seen: Set<object>): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => pyRepr(item, seen));
    const range = ranges.get(value);
    if (range) return range;
    const view = dictViews.get(value);
    if (view) return `${view}([${items.join(", ")}])`;
    if (!tuples.has(value)) return `[${items.join(", ")}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  if (isDict(value)) return reprDict(value, seen);
  if (value instanceof Namespace) return `<Namespace ${reprDict(value.attributes, seen)}>`;
  if (value instanceof PyCallable) return `<built-in method ${value.name}>`;
  return String(value);
}

// repr() of a dict: `{'a': 1}` in insertion order.
function reprDict(value: Record<string, unknown>, seen: Set<object>): string {
  const entries = dictEntries(value).map(([key, item]) => `${reprString(key)}: ${pyRepr(item, seen)}`);
  return `{${entries.join(", ")}}`;
}

// A dict's entries, in insertion order; keys holding JavaScript `undefined` are absent, as unset keys.
export function dictEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, item]) => item !== undefined);
}

// A dict's keys (keys holding JavaScript `undefined` are absent).
export function dictKeys(value: Record<string, unknown>): string[] {
  return dictEntries(value).map(([key]) => key);
}

// Whether a dict holds a key.
export function dictHas(value: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(value, key) && value[key] !== undefined;
}

const nonPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

// Python's repr() of a str: single quotes unless the text has ' and no ", escapes for the unprintable.
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) out += escapeReprChar(char, quote);
  return out + quote;
}

// One character as it appears inside a Python string repr.
function escapeReprChar(char: string, quote: string): string {
  if (char === "\\" || char === quote) return `\\${char}`;
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  if (char === " " || !nonPrintable.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}
