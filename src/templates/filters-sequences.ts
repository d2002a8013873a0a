// Jinja2 3.1's filters on sequences and mappings: length, first, join, sort, unique, sum, batch,
// groupby…, plus default and attr (map, select and the like are in filters-select.ts).
//
// Jinja2 returns generators from unique, batch, slice and reverse; here they are
// lists, which print as lists where Jinja2 would print `<generator object …>` (never useful output).

import {
  FilterArgumentError,
  type FilterTable,
  intArgument,
  makeAttributeGetter,
  makeMultiAttributeGetter,
  softStr,
} from "./filter-support.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { getAttributeOnly } from "./python-methods.js";
import { binaryOperation, iterate, pyCompare, pyEquals } from "./python-operators.js";
import {
  defined,
  dictEntries,
  dictKeys,
  isDict,
  isNumeric,
  isStr,
  isTuple,
  JinjaUndefined,
  makeNamedTuple,
  makeTuple,
  pyRepr,
  pyStr,
  strValue,
  toNumber,
  truthy,
  typeName,
} from "./python-values.js";

// Python's len().
function length(value: unknown): number {
  const known = defined(value);
  if (isStr(known)) return Array.from(strValue(known)).length;
  if (Array.isArray(known)) return known.length;
  if (isDict(known)) return dictKeys(known).length;
  throw new JinjaRuntimeError(`object of type '${typeName(known)}' has no len()`);
}

// Python's sorted() with a key, stable, optionally reversed (equal items keep their order).
function sortBy(items: unknown[], key: (item: unknown) => unknown, reverse: boolean): unknown[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => (reverse ? pyCompare(b.key, a.key) : pyCompare(a.key, b.key)));
  return keyed.map(({ item }) => item);
}

// A hashable key for unique(): Python considers 1, 1.0 and True the same.
function hashKey(value: unknown): string {
  const known = defined(value);
  if (known === null) return "None";
  if (isNumeric(known)) return `n:${toNumber(known)}`;
  if (isStr(known)) return `s:${strValue(known)}`;
  if (isTuple(known)) return `t:${known.map(hashKey).join("\u0000")}`;
  throw new JinjaRuntimeError(`unhashable type: '${typeName(known)}'`);
}

// Jinja2's _min_or_max: the first smallest (or largest) item by a case-insensitive key.
function minOrMax(value: unknown, caseSensitive: boolean, attribute: unknown, sign: 1 | -1): unknown {
  const items = iterate(value);
  if (items.length === 0) return new JinjaUndefined("No aggregated item, sequence was empty.");
  const key = makeAttributeGetter(attribute, { lowerCase: !caseSensitive });
  let best = items[0];
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const itemKey = key(item);
    if (pyCompare(itemKey, bestKey) * sign < 0) {
      best = item;
      bestKey = itemKey;
    }
  }
  return best;
}

// Jinja2's do_groupby: (grouper, list) named tuples, sorted by the grouping key.
function groupBy(value: unknown, attribute: unknown, fallback: unknown, caseSensitive: boolean): unknown[] {
  const key = makeAttributeGetter(attribute, { lowerCase: !caseSensitive, fallback });
  const display = makeAttributeGetter(attribute, { fallback });
  const groups: { key: unknown; items: unknown[] }[] = [];
  for (const item of sortBy(iterate(value), key, false)) {
    const itemKey = key(item);
    const last = groups.at(-1);
    if (last && pyEquals(last.key, itemKey)) last.items.push(item);
    else groups.push({ key: itemKey, items: [item] });
  }
  return groups.map(({ items }) => makeNamedTuple("_GroupTuple", ["grouper", "list"], [display(items[0]), items]));
}

// Jinja2's do_slice: `count` columns, the first ones one item longer.
function sliceInto(value: unknown, count: number, fill: unknown): unknown[][] {
  const items = iterate(value);
  const perSlice = Math.floor(items.length / count);
  const withExtra = items.length % count;
  const out: unknown[][] = [];
  let offset = 0;
  for (let n = 0; n < count; n++) {
    const start = offset + n * perSlice;
    if (n < withExtra) offset += 1;
    const part = items.slice(start, offset + (n + 1) * perSlice);
    if (fill !== null && n >= withExtra) part.push(fill);
    out.push(part);
  }
  return out;
}

// Jinja2's do_batch: lists of `size` items, the last one padded with `fill` when given.
function batch(value: unknown, size: number, fill: unknown): unknown[][] {
  const out: unknown[][] = [];
  let current: unknown[] = [];
  for (const item of iterate(value)) {
    if (current.length === size) {
      out.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) {
    if (fill !== null) while (current.length < size) current.push(fill);
    out.push(current);
  }
  return out;
}

// Python's pprint.pformat for values that fit on a line: repr with dict keys sorted.
function pformat(value: unknown): string {
  const known = defined(value);
  if (isDict(known)) {
    const entries = dictEntries(known).sort(([a], [b]) => pyCompare(a, b));
    return `{${entries.map(([key, item]) => `${pyRepr(key)}: ${pformat(item)}`).join(", ")}}`;
  }
  if (Array.isArray(known)) {
    const items = known.map(pformat);
    if (!isTuple(known)) return `[${items.join(", ")}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  return pyRepr(known);
}

const first = (items: unknown[], message: string) => (items.length > 0 ? items[0] : new JinjaUndefined(message));

// The sequence filters, by name.
export const sequenceFilters: FilterTable = {
  length: { params: ["obj"], run: ({ values }) => length(values[0]) },
  count: { params: ["obj"], run: ({ values }) => length(values[0]) },
  first: { params: ["seq"], run: ({ values }) => first(iterate(values[0]), "No first item, sequence was empty.") },
  last: {
    params: ["seq"],
    run: ({ values }) => first(iterate(values[0]).reverse(), "No last item, sequence was empty."),
  },
  list: { params: ["value"], run: ({ values }) => iterate(values[0]) },
  join: {
    params: ["value", ["d", ""], ["attribute", null]],
    run: ({ values }) => iterate(values[0]).map(makeAttributeGetter(values[2])).map(pyStr).join(softStr(values[1])),
  },
  sort: {
    params: ["value", ["reverse", false], ["case_sensitive", false], ["attribute", null]],
    run: ({ values }) =>
      sortBy(iterate(values[0]), makeMultiAttributeGetter(values[3], values[2] !== true), values[1] === true),
  },
  dictsort: {
    params: ["value", ["case_sensitive", false], ["by", "key"], ["reverse", false]],
    run: ({ values }) => {
      const known = defined(values[0]);
      if (!isDict(known)) throw new JinjaRuntimeError(`'${typeName(known)}' object has no attribute 'items'`);
      if (values[2] !== "key" && values[2] !== "value") {
        throw new FilterArgumentError('You can only sort by either "key" or "value"');
      }
      const position = values[2] === "key" ? 0 : 1;
      const pairs = dictEntries(known).map((entry) => makeTuple(entry));
      const key = (pair: unknown) => {
        const item = (pair as unknown[])[position];
        return values[1] === true || !isStr(item) ? item : strValue(item).toLowerCase();
      };
      return sortBy(pairs, key, values[3] === true);
    },
  },
  unique: {
    params: ["value", ["case_sensitive", false], ["attribute", null]],
    run: ({ values }) => {
      const key = makeAttributeGetter(values[2], { lowerCase: values[1] !== true });
      const seen = new Set<string>();
      return iterate(values[0]).filter((item) => {
        const hash = hashKey(key(item));
        if (seen.has(hash)) return false;
        seen.add(hash);
        return true;
      });
    },
  },
  min: {
    params: ["value", ["case_sensitive", false], ["attribute", null]],
    run: ({ values }) => minOrMax(values[0], values[1] === true, values[2], 1),
  },
  max: {
    params: ["value", ["case_sensitive", false], ["attribute", null]],
    run: ({ values }) => minOrMax(values[0], values[1] === true, values[2], -1),
  },
  sum: {
    params: ["iterable", ["attribute", null], ["start", 0]],
    run: ({ values }) =>
      iterate(values[0])
        .map(makeAttributeGetter(values[1]))
        .reduce((total, item) => binaryOperation("+", total, item), values[2]),
  },
  batch: {
    params: ["value", "linecount", ["fill_with", null]],
    run: ({ values }) => batch(values[0], intArgument(values[1], "linecount"), values[2]),
  },
  slice: {
    params: ["value", "slices", ["fill_with", null]],
    run: ({ values }) => sliceInto(values[0], intArgument(values[1], "slices"), values[2]),
  },
  reverse: {
    params: ["value"],
    run: ({ values }) => {
      const known = defined(values[0]);
      return isStr(known) ? Array.from(strValue(known)).reverse().join("") : iterate(known).reverse();
    },
  },
  random: {
    params: ["seq"],
    run: ({ values }) => {
      const items = iterate(values[0]);
      if (items.length === 0) throw new JinjaRuntimeError("Cannot choose from an empty sequence");
      return items[Math.floor(Math.random() * items.length)];
    },
  },
  groupby: {
    params: ["value", "attribute", ["default", null], ["case_sensitive", false]],
    run: ({ values }) => groupBy(values[0], values[1], values[2], values[3] === true),
  },
  items: {
    params: ["value"],
    acceptsUndefined: true,
    run: ({ values }) => {
      const known = values[0];
      if (known instanceof JinjaUndefined) return [];
      if (!isDict(known)) throw new JinjaRuntimeError("Can only get item pairs from a mapping.");
      return dictEntries(known).map((entry) => makeTuple(entry));
    },
  },
  attr: { params: ["obj", "name"], run: ({ values }) => getAttributeOnly(values[0], softStr(values[1])) },
  default: {
    params: ["value", ["default_value", ""], ["boolean", false]],
    acceptsUndefined: true,
    run: ({ values }) => defaultValue(values[0], values[1], values[2]),
  },
  d: {
    params: ["value", ["default_value", ""], ["boolean", false]],
    acceptsUndefined: true,
    run: ({ values }) => defaultValue(values[0], values[1], values[2]),
  },
  pprint: { params: ["value"], run: ({ values }) => pformat(values[0]) },
};

// Jinja2's do_default: the default when the value is undefined (or falsy, with boolean=True).
function defaultValue(value: unknown, fallback: unknown, boolean: unknown): unknown {
  if (value instanceof JinjaUndefined || value === undefined) return fallback;
  return truthy(boolean) && !truthy(value) ? fallback : value;
}
