// Ansible's data-structure filters: combine, dict2items, items2dict, flatten, union, difference, intersect,
// symmetric_difference, zip, zip_longest, to_json, to_nice_json, from_json (ansible-core's core.py and
// mathstuff.py, same names, arguments and output).
import type { FilterTable } from "./filter-support.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { dumpJson, type JsonOptions } from "./python-json.js";
import { contains, iterate, pyEquals } from "./python-operators.js";
import {
  dictEntries,
  dictHas,
  isDict,
  isList,
  isStr,
  isTuple,
  JinjaUndefined,
  makeTuple,
  PyFloat,
  pyStr,
  requireInt,
  strValue,
  truthy,
  typeName,
} from "./python-values.js";

// Ansible's is_sequence: a list or tuple, not a str.
function isSequence(value: unknown): value is unknown[] {
  return isList(value) || isTuple(value);
}

// Ansible's flatten: nested lists into one, `levels` deep (all by default), dropping None, 'None' and 'null'.
function flatten(items: unknown[], levels: number | null, skipNulls: boolean): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (skipNulls && (item === null || item === "None" || item === "null")) continue;
    if (isSequence(item) && (levels === null || levels >= 1)) {
      out.push(...flatten(item, levels === null ? null : levels - 1, skipNulls));
    } else out.push(item);
  }
  return out;
}

// Raises when any value inside (dicts and lists, recursively) is undefined.
function checkDefined(value: unknown): void {
  if (value instanceof JinjaUndefined) throw value.toError();
  if (isDict(value)) for (const [, item] of dictEntries(value)) checkDefined(item);
  else if (isList(value)) for (const item of value) checkDefined(item);
}

const listMerges = ["replace", "keep", "append", "prepend", "append_rp", "prepend_rp"];

// Ansible's merge_hash: y merged into a copy of x (y wins), recursively when asked, lists per `listMerge`.
function mergeHash(x: unknown, y: unknown, recursive: boolean, listMerge: string): Record<string, unknown> {
  if (!listMerges.includes(listMerge)) {
    throw new JinjaRuntimeError(
      `merge_hash: 'list_merge' argument can only be equal to ${listMerges.map((m) => `'${m}'`).join(", ")}`,
    );
  }
  if (!isDict(x) || !isDict(y)) {
    throw new JinjaRuntimeError(
      `failed to combine variables, expected dicts but got a '${typeName(x)}' and a '${typeName(y)}'`,
    );
  }
  if (dictEntries(x).length === 0 || pyEquals(x, y)) return Object.fromEntries(dictEntries(y));
  const out: Record<string, unknown> = Object.fromEntries(dictEntries(x));
  for (const [key, value] of dictEntries(y)) {
    const old = dictHas(out, key) ? out[key] : undefined;
    if (old === undefined) out[key] = value;
    else if (isDict(old) && isDict(value)) out[key] = recursive ? mergeHash(old, value, recursive, listMerge) : value;
    else if (isList(old) && isList(value)) out[key] = mergeLists(old, value, listMerge);
    else out[key] = value;
  }
  return out;
}

// Two lists under one key, per list_merge.
function mergeLists(old: unknown[], value: unknown[], listMerge: string): unknown[] {
  const missing = (list: unknown[], from: unknown[]) => list.filter((item) => !contains(from, item));
  if (listMerge === "keep") return old;
  if (listMerge === "append") return [...old, ...value];
  if (listMerge === "prepend") return [...value, ...old];
  if (listMerge === "append_rp") return [...missing(old, value), ...value];
  if (listMerge === "prepend_rp") return [...value, ...missing(old, value)];
  return value;
}

// Ansible's combine: later dicts win; a list of dicts may be given as the value.
function combine(terms: unknown[], kwargs: Record<string, unknown>): unknown {
  const { recursive = false, list_merge: listMerge = "replace", ...others } = kwargs;
  if (Object.keys(others).length > 0) {
    throw new JinjaRuntimeError("'recursive' and 'list_merge' are the only valid keyword arguments");
  }
  const dictionaries = flatten(terms, 1, true);
  checkDefined(dictionaries);
  if (dictionaries.length === 0) return {};
  let result = dictionaries.at(-1);
  for (const dictionary of dictionaries.slice(0, -1).reverse()) {
    result = mergeHash(dictionary, result, truthy(recursive), pyStr(listMerge));
  }
  return result;
}

// Items in order, each once (by Python equality), as Ansible's set filters give them.
function uniqueItems(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of items) if (!out.some((seen) => pyEquals(seen, item))) out.push(item);
  return out;
}

// zip and zip_longest: tuples of the n-th items.
function zipItems(lists: unknown[], longest: boolean, fill: unknown): unknown[] {
  const columns = lists.map(iterate);
  const sizes = columns.map((column) => column.length);
  const count = columns.length === 0 ? 0 : longest ? Math.max(...sizes) : Math.min(...sizes);
  return Array.from({ length: count }, (_, i) =>
    makeTuple(columns.map((column) => (i < column.length ? column[i] : fill))),
  );
}

// Python's json.dumps keyword arguments Ansible passes through.
function jsonOptions(kwargs: Record<string, unknown>): { indent: number | string | null; options: JsonOptions } {
  const { indent = null, sort_keys: sortKeys = false, ensure_ascii: ensureAscii = true, separators, ...rest } = kwargs;
  const unknown = Object.keys(rest).filter((key) => !["vault_to_text", "preprocess_unsafe"].includes(key));
  if (unknown.length > 0) throw new JinjaRuntimeError(`to_json: unsupported argument '${unknown[0]}'`);
  const pair = separators === undefined || separators === null ? undefined : iterate(separators).map(pyStr);
  return {
    indent: indent === null ? null : isStr(indent) ? strValue(indent) : requireInt(indent),
    options: {
      sortKeys: truthy(sortKeys),
      ensureAscii: truthy(ensureAscii),
      separators: pair ? [pair[0] ?? ", ", pair[1] ?? ": "] : undefined,
    },
  };
}

// The data filters, by name.
export const ansibleDataFilters: FilterTable = {
  combine: { params: [], varargs: true, varkw: true, run: ({ rest, kwargs }) => combine(rest, kwargs) },
  dict2items: {
    params: ["mydict", ["key_name", "key"], ["value_name", "value"]],
    run: ({ values: [value, keyName, valueName] }) => {
      if (!isDict(value))
        throw new JinjaRuntimeError(`dict2items requires a dictionary, got ${typeName(value)} instead.`);
      return dictEntries(value).map(([key, item]) => ({ [pyStr(keyName)]: key, [pyStr(valueName)]: item }));
    },
  },
  items2dict: {
    params: ["mylist", ["key_name", "key"], ["value_name", "value"]],
    run: ({ values: [list, keyName, valueName] }) => {
      if (!isSequence(list)) throw new JinjaRuntimeError(`items2dict requires a list, got ${typeName(list)} instead.`);
      const [key, value] = [pyStr(keyName), pyStr(valueName)];
      const out: Record<string, unknown> = {};
      for (const item of list) {
        if (!isDict(item) || !dictHas(item, key) || !dictHas(item, value)) {
          throw new JinjaRuntimeError(
            `items2dict requires each dictionary in the list to contain the keys '${key}' and '${value}'`,
          );
        }
        out[pyStr(item[key])] = item[value];
      }
      return out;
    },
  },
  flatten: {
    params: ["mylist", ["levels", null], ["skip_nulls", true]],
    run: ({ values: [list, levels, skipNulls] }) =>
      flatten(iterate(list), levels === null ? null : requireInt(levels), truthy(skipNulls)),
  },
  union: {
    params: ["a", "b"],
    run: ({ values: [a, b] }) => uniqueItems([...iterate(a), ...iterate(b)]),
  },
  intersect: {
    params: ["a", "b"],
    run: ({ values: [a, b] }) => uniqueItems(iterate(a).filter((item) => contains(b, item))),
  },
  difference: {
    params: ["a", "b"],
    run: ({ values: [a, b] }) => uniqueItems(iterate(a).filter((item) => !contains(b, item))),
  },
  symmetric_difference: {
    params: ["a", "b"],
    run: ({ values: [a, b] }) => {
      const both = uniqueItems(iterate(a).filter((item) => contains(b, item)));
      return uniqueItems([...iterate(a), ...iterate(b)]).filter((item) => !contains(both, item));
    },
  },
  zip: { params: [], varargs: true, run: ({ rest }) => zipItems(rest, false, null) },
  zip_longest: {
    params: [],
    varargs: true,
    varkw: true,
    run: ({ rest, kwargs }) => zipItems(rest, true, kwargs.fillvalue ?? null),
  },
  to_json: {
    params: ["a"],
    varkw: true,
    run: ({ values: [value], kwargs }) => {
      const { indent, options } = jsonOptions(kwargs);
      return dumpJson(value, indent, options);
    },
  },
  to_nice_json: {
    params: ["a", ["indent", 4], ["sort_keys", true]],
    varkw: true,
    run: ({ values: [value, indent, sortKeys], kwargs }) => {
      const { options } = jsonOptions({ ...kwargs, sort_keys: sortKeys, separators: [",", ": "] });
      return dumpJson(value, isStr(indent) ? strValue(indent) : requireInt(indent), options);
    },
  },
  from_json: {
    params: ["s"],
    run: ({ values: [text] }) => {
      try {
        // A number written as a float (`1.0`, `2e0`) stays a float, as Python's json reads it.
        return JSON.parse(pyStr(text), (_key, value: unknown, context?: { source?: string }) =>
          typeof value === "number" && Number.isInteger(value) && /[.eE]/.test(context?.source ?? "")
            ? new PyFloat(value)
            : value,
        );
      } catch (error) {
        throw new JinjaRuntimeError(`from_json: ${(error as Error).message}`);
      }
    },
  },
};
