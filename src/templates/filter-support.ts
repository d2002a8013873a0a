// What filters and tests are made of: their Python signatures, the environment they call back into, and
// Jinja2's attribute getters (`attribute="a.b"`, case-insensitive sort keys).
import { JinjaRuntimeError } from "./jinja-errors.js";
import type { BoundArguments, Param } from "./python-arguments.js";
import { getItem } from "./python-methods.js";
import { defined, isStr, JinjaUndefined, pyStr, requireInt, strValue } from "./python-values.js";

// The environment a filter or test can call back into (map, select, …).
export interface FilterEnvironment {
  callFilter(name: string, args: unknown[], kwargs: Record<string, unknown>): unknown;
  callTest(name: string, args: unknown[], kwargs: Record<string, unknown>): boolean;
  hasFilter(name: string): boolean;
  hasTest(name: string): boolean;
}

// A filter or test: its Python signature (the value is the first parameter) and what it does.
export interface FilterSpec<R = unknown> {
  params: readonly Param[];
  varargs?: boolean;
  varkw?: boolean;
  // Whether an undefined value may be passed (default, defined, …) rather than raising.
  acceptsUndefined?: boolean;
  run(args: BoundArguments, env: FilterEnvironment): R;
}

// Filters by name.
export type FilterTable = Record<string, FilterSpec>;
// Tests by name.
export type TestTable = Record<string, FilterSpec<boolean>>;

// Jinja2's FilterArgumentError.
export class FilterArgumentError extends JinjaRuntimeError {
  override name = "FilterArgumentError";
}

// Jinja2's soft_str: str values as they are, anything else through str().
export function softStr(value: unknown): string {
  const known = defined(value);
  return isStr(known) ? strValue(known) : pyStr(known);
}

// An int argument, or Python's TypeError naming the argument.
export function intArgument(value: unknown, name: string): number {
  return requireInt(value, (type) => `${name} must be an integer, not ${type}`);
}

// Lower-cases str values (Jinja2's ignore_case postprocess); others unchanged.
export function ignoreCase(value: unknown): unknown {
  return isStr(value) ? strValue(value).toLowerCase() : value;
}

// The path parts of an attribute: "a.0.b" → ["a", 0, "b"]; an int stays one index.
function attributeParts(attribute: unknown): unknown[] {
  const known = defined(attribute);
  if (!isStr(known)) return [known];
  return strValue(known)
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

// Jinja2's make_attrgetter: item → item[part][part]…, optionally lower-cased or defaulted.
export function makeAttributeGetter(
  attribute: unknown,
  options: { lowerCase?: boolean; fallback?: unknown } = {},
): (item: unknown) => unknown {
  if (attribute === null || attribute === undefined) return (item) => (options.lowerCase ? ignoreCase(item) : item);
  const parts = attributeParts(attribute);
  return (item) => {
    let value = item;
    for (const part of parts) {
      value = getItem(value, part);
      if (value instanceof JinjaUndefined && options.fallback !== undefined && options.fallback !== null) {
        value = options.fallback;
      }
    }
    return options.lowerCase ? ignoreCase(value) : value;
  };
}

// Jinja2's make_multi_attrgetter: "a,b.c" → a list of values to sort by.
export function makeMultiAttributeGetter(attribute: unknown, lowerCase: boolean): (item: unknown) => unknown[] {
  if (attribute === null || attribute === undefined) return (item) => [lowerCase ? ignoreCase(item) : item];
  const known = defined(attribute);
  const names = isStr(known) ? strValue(known).split(",") : [known];
  const getters = names.map((name) => makeAttributeGetter(name, { lowerCase }));
  return (item) => getters.map((getter) => getter(item));
}
