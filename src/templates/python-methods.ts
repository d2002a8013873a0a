// Attribute and item access as Jinja2 does it (`x.name` tries the attribute then the item, `x[k]` the
// item then the attribute), with the Python methods of str, dict, list and tuple as attributes.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { bindArguments, type Param } from "./python-arguments.js";
import { formatBraces } from "./python-format.js";
import { iterate, pyCompare, pyEquals } from "./python-operators.js";
import * as strings from "./python-strings.js";
import {
  defined,
  dictEntries,
  dictHas,
  dictKeys,
  isDict,
  isFloat,
  isNumeric,
  isStr,
  isTuple,
  JinjaUndefined,
  Markup,
  makeDictView,
  makeTuple,
  Namespace,
  namedTupleField,
  PyCallable,
  pyRepr,
  reprString,
  requireInt,
  strValue,
  toNumber,
  typeName,
} from "./python-values.js";

type Method<T> = {
  params: readonly Param[];
  varargs?: boolean;
  varkw?: boolean;
  run(self: T, bound: { values: unknown[]; rest: unknown[]; kwargs: Record<string, unknown> }): unknown;
};

// A str argument of a method, or Python's TypeError.
function text(value: unknown, what = "argument"): string {
  const known = defined(value);
  if (!isStr(known)) throw new JinjaRuntimeError(`${what} must be str, not ${typeName(known)}`);
  return strValue(known);
}

// An optional str argument (None allowed).
function optionalText(value: unknown): string | null {
  return value === null ? null : text(value);
}

// An optional int argument (None allowed).
function optionalInteger(value: unknown): number | null {
  return value === null ? null : requireInt(value);
}

// startswith/endswith: a str or a tuple of them.
function affixes(value: unknown): string[] {
  return isTuple(value) ? value.map((item) => text(item)) : [text(value)];
}

const characterTest = (pattern: RegExp): Method<string> => ({
  params: [],
  run: (s) => strings.allCharacters(s, pattern),
});

const strMethods: Record<string, Method<string>> = {
  upper: { params: [], run: (s) => s.toUpperCase() },
  lower: { params: [], run: (s) => s.toLowerCase() },
  casefold: { params: [], run: (s) => s.toLowerCase() },
  title: { params: [], run: (s) => strings.title(s) },
  capitalize: { params: [], run: (s) => strings.capitalize(s) },
  swapcase: { params: [], run: (s) => strings.swapcase(s) },
  strip: { params: [["chars", null]], run: (s, { values }) => strings.strip(s, optionalText(values[0])) },
  lstrip: { params: [["chars", null]], run: (s, { values }) => strings.strip(s, optionalText(values[0]), "left") },
  rstrip: { params: [["chars", null]], run: (s, { values }) => strings.strip(s, optionalText(values[0]), "right") },
  split: {
    params: [
      ["sep", null],
      ["maxsplit", -1],
    ],
    run: (s, { values }) => strings.split(s, optionalText(values[0]), requireInt(values[1])),
  },
  rsplit: {
    params: [
      ["sep", null],
      ["maxsplit", -1],
    ],
    run: (s, { values }) => strings.rsplit(s, optionalText(values[0]), requireInt(values[1])),
  },
  splitlines: { params: [["keepends", false]], run: (s, { values }) => strings.splitlines(s, values[0] === true) },
  startswith: {
    params: ["prefix", ["start", null], ["end", null]],
    run: (s, { values }) => {
      const window = strings.sliceCodePoints(s, optionalInteger(values[1]), optionalInteger(values[2])).join("");
      return affixes(values[0]).some((prefix) => window.startsWith(prefix));
    },
  },
  endswith: {
    params: ["suffix", ["start", null], ["end", null]],
    run: (s, { values }) => {
      const window = strings.sliceCodePoints(s, optionalInteger(values[1]), optionalInteger(values[2])).join("");
      return affixes(values[0]).some((suffix) => window.endsWith(suffix));
    },
  },
  removeprefix: {
    params: ["prefix"],
    run: (s, { values }) => (s.startsWith(text(values[0])) ? s.slice(text(values[0]).length) : s),
  },
  removesuffix: {
    params: ["suffix"],
    run: (s, { values }) => {
      const suffix = text(values[0]);
      return suffix !== "" && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
    },
  },
  replace: {
    params: ["old", "new", ["count", -1]],
    run: (s, { values }) => strings.replace(s, text(values[0]), text(values[1]), requireInt(values[2])),
  },
  join: {
    params: ["iterable"],
    run: (s, { values }) =>
      iterate(values[0])
        .map((item, i) => {
          if (!isStr(item))
            throw new JinjaRuntimeError(`sequence item ${i}: expected str instance, ${typeName(item)} found`);
          return strValue(item);
        })
        .join(s),
  },
  format: {
    params: [],
    varargs: true,
    varkw: true,
    run: (s, { rest, kwargs }) => formatBraces(s, rest, kwargs, formatField),
  },
  count: {
    params: ["sub", ["start", null], ["end", null]],
    run: (s, { values }) =>
      strings.findSubstring(s, text(values[0]), optionalInteger(values[1]), optionalInteger(values[2]), "count"),
  },
  find: {
    params: ["sub", ["start", null], ["end", null]],
    run: (s, { values }) =>
      strings.findSubstring(s, text(values[0]), optionalInteger(values[1]), optionalInteger(values[2]), "find"),
  },
  rfind: {
    params: ["sub", ["start", null], ["end", null]],
    run: (s, { values }) =>
      strings.findSubstring(s, text(values[0]), optionalInteger(values[1]), optionalInteger(values[2]), "rfind"),
  },
  index: {
    params: ["sub", ["start", null], ["end", null]],
    run: (s, { values }) =>
      found(strings.findSubstring(s, text(values[0]), optionalInteger(values[1]), optionalInteger(values[2]), "find")),
  },
  rindex: {
    params: ["sub", ["start", null], ["end", null]],
    run: (s, { values }) =>
      found(strings.findSubstring(s, text(values[0]), optionalInteger(values[1]), optionalInteger(values[2]), "rfind")),
  },
  partition: { params: ["sep"], run: (s, { values }) => makeTuple(strings.partition(s, text(values[0]), false)) },
  rpartition: { params: ["sep"], run: (s, { values }) => makeTuple(strings.partition(s, text(values[0]), true)) },
  center: {
    params: ["width", ["fillchar", " "]],
    run: (s, { values }) => strings.center(s, requireInt(values[0]), text(values[1])),
  },
  ljust: {
    params: ["width", ["fillchar", " "]],
    run: (s, { values }) => strings.justify(s, requireInt(values[0]), text(values[1]), "left"),
  },
  rjust: {
    params: ["width", ["fillchar", " "]],
    run: (s, { values }) => strings.justify(s, requireInt(values[0]), text(values[1]), "right"),
  },
  zfill: { params: ["width"], run: (s, { values }) => strings.zfill(s, requireInt(values[0])) },
  expandtabs: { params: [["tabsize", 8]], run: (s, { values }) => strings.expandTabs(s, requireInt(values[0])) },
  isdigit: characterTest(/\p{Nd}/u),
  isdecimal: characterTest(/\p{Nd}/u),
  isnumeric: characterTest(/\p{N}/u),
  isalpha: characterTest(/\p{L}/u),
  isalnum: characterTest(/[\p{L}\p{N}]/u),
  isspace: { params: [], run: (s) => s !== "" && strings.isPythonSpace(s) },
  islower: { params: [], run: (s) => strings.isCase(s, true) },
  isupper: { params: [], run: (s) => strings.isCase(s, false) },
};

// The index str.index found, or Python's ValueError.
function found(index: number): number {
  if (index === -1) throw new JinjaRuntimeError("substring not found");
  return index;
}

const missingDefault = Symbol("no default");

const dictMethods: Record<string, Method<Record<string, unknown>>> = {
  items: {
    params: [],
    run: (d) =>
      makeDictView(
        "dict_items",
        dictEntries(d).map((entry) => makeTuple(entry)),
      ),
  },
  keys: { params: [], run: (d) => makeDictView("dict_keys", dictKeys(d)) },
  values: {
    params: [],
    run: (d) =>
      makeDictView(
        "dict_values",
        dictEntries(d).map(([, value]) => value),
      ),
  },
  get: { params: ["key", ["default", null]], run: (d, { values }) => dictGet(d, values[0], values[1]) },
  copy: { params: [], run: (d) => Object.fromEntries(dictEntries(d)) },
  pop: {
    params: ["key", ["default", missingDefault]],
    run: (d, { values }) => {
      const key = values[0];
      if (isStr(key) && dictHas(d, strValue(key))) {
        const value = d[strValue(key)];
        delete d[strValue(key)];
        return value;
      }
      if (values[1] === missingDefault) throw new JinjaRuntimeError(`KeyError: ${pyRepr(key)}`);
      return values[1];
    },
  },
  setdefault: {
    params: ["key", ["default", null]],
    run: (d, { values }) => {
      const key = text(values[0], "key");
      if (!dictHas(d, key)) d[key] = values[1];
      return d[key];
    },
  },
  update: {
    params: [["other", null]],
    varkw: true,
    run: (d, { values, kwargs }) => {
      if (isDict(values[0])) Object.assign(d, Object.fromEntries(dictEntries(values[0])));
      Object.assign(d, kwargs);
      return null;
    },
  },
  clear: {
    params: [],
    run: (d) => {
      for (const key of Object.keys(d)) delete d[key];
      return null;
    },
  },
};

// dict.get(key, default).
function dictGet(d: Record<string, unknown>, key: unknown, fallback: unknown): unknown {
  const name = defined(key);
  return isStr(name) && dictHas(d, strValue(name)) ? d[strValue(name)] : fallback;
}

const tupleMethods: Record<string, Method<unknown[]>> = {
  count: { params: ["value"], run: (l, { values }) => l.filter((item) => pyEquals(item, values[0])).length },
  index: {
    params: ["value"],
    run: (l, { values }) => {
      const index = l.findIndex((item) => pyEquals(item, values[0]));
      if (index === -1) throw new JinjaRuntimeError(`${pyRepr(values[0])} is not in list`);
      return index;
    },
  },
};

const listMethods: Record<string, Method<unknown[]>> = {
  ...tupleMethods,
  append: { params: ["object"], run: (l, { values }) => (l.push(values[0]), null) },
  extend: { params: ["iterable"], run: (l, { values }) => (l.push(...iterate(values[0])), null) },
  insert: {
    params: ["index", "object"],
    run: (l, { values }) => {
      const index = requireInt(values[0]);
      l.splice(index < 0 ? Math.max(0, l.length + index) : index, 0, values[1]);
      return null;
    },
  },
  pop: {
    params: [["index", -1]],
    run: (l, { values }) => {
      if (l.length === 0) throw new JinjaRuntimeError("pop from empty list");
      const index = requireInt(values[0]);
      const at = index < 0 ? l.length + index : index;
      if (at < 0 || at >= l.length) throw new JinjaRuntimeError("pop index out of range");
      return l.splice(at, 1)[0];
    },
  },
  remove: {
    params: ["value"],
    run: (l, { values }) => {
      const index = l.findIndex((item) => pyEquals(item, values[0]));
      if (index === -1) throw new JinjaRuntimeError("list.remove(x): x not in list");
      l.splice(index, 1);
      return null;
    },
  },
  copy: { params: [], run: (l) => [...l] },
  reverse: { params: [], run: (l) => (l.reverse(), null) },
  sort: {
    params: [["reverse", false]],
    run: (l, { values }) => (l.sort((a, b) => (values[0] === true ? pyCompare(b, a) : pyCompare(a, b))), null),
  },
  clear: { params: [], run: (l) => (l.splice(0), null) },
};

// Makes a bound method callable from templates.
function bindMethod<T>(self: T, name: string, method: Method<T>): PyCallable {
  return new PyCallable(name, (args, kwargs) => method.run(self, bindArguments({ name, ...method }, args, kwargs)));
}

const notFound = Symbol("not found");

// Python's getattr(value, name): methods, namespace and named-tuple attributes, object properties.
function lookupAttribute(value: unknown, name: string): unknown {
  if (isStr(value)) {
    const method = Object.hasOwn(strMethods, name) ? strMethods[name] : undefined;
    return method ? bindMethod(strValue(value), name, method) : notFound;
  }
  if (Array.isArray(value)) {
    const methods = isTuple(value) ? tupleMethods : listMethods;
    const method = Object.hasOwn(methods, name) ? methods[name] : undefined;
    if (method) return bindMethod(value, name, method);
    return namedTupleField(value, name)?.value ?? notFound;
  }
  if (isDict(value)) {
    const method = Object.hasOwn(dictMethods, name) ? dictMethods[name] : undefined;
    return method ? bindMethod(value, name, method) : notFound;
  }
  if (value instanceof Namespace) return Object.hasOwn(value.attributes, name) ? value.attributes[name] : notFound;
  if (typeof value === "object" && value !== null && !name.startsWith("_") && name in value) {
    const property: unknown = Reflect.get(value, name);
    if (typeof property !== "function") return property;
    return new PyCallable(name, (args) => Reflect.apply(property, value, args));
  }
  return notFound;
}

// Python's value[key]: list/tuple/str indexes (negative from the end), dict keys.
function lookupItem(value: unknown, key: unknown): unknown {
  if (Array.isArray(value) || isStr(value)) {
    if (!isNumeric(key) || isFloat(key)) return notFound;
    const items = Array.isArray(value) ? value : Array.from(strValue(value));
    const index = toNumber(key);
    const at = index < 0 ? items.length + index : index;
    return at >= 0 && at < items.length ? items[at] : notFound;
  }
  if (isDict(value)) return isStr(key) && dictHas(value, strValue(key)) ? value[strValue(key)] : notFound;
  return notFound;
}

// How Jinja2 names an object's type in messages: 'dict object', 'None'.
function objectTypeRepr(value: unknown): string {
  if (value === null) return "None";
  if (value instanceof Markup) return "markupsafe.Markup object";
  if (value instanceof Namespace) return "jinja2.utils.Namespace object";
  return `${typeName(value)} object`;
}

// The undefined value a failed lookup gives, with Jinja2's message.
function missingMember(value: unknown, key: unknown): JinjaUndefined {
  if (isStr(key)) {
    return new JinjaUndefined(`${reprString(objectTypeRepr(value))} has no attribute ${reprString(strValue(key))}`);
  }
  return new JinjaUndefined(`${objectTypeRepr(value)} has no element ${pyRepr(key)}`);
}

// `value.name`: the attribute, else the item, else undefined.
export function getAttribute(value: unknown, name: string): unknown {
  const known = defined(value);
  const attribute = lookupAttribute(known, name);
  if (attribute !== notFound) return attribute;
  const item = lookupItem(known, name);
  return item === notFound ? missingMember(known, name) : item;
}

// `value[key]`: the item, else (for a str key) the attribute, else undefined.
export function getItem(value: unknown, key: unknown): unknown {
  const known = defined(value);
  const item = lookupItem(known, defined(key));
  if (item !== notFound) return item;
  if (isStr(key)) {
    const attribute = lookupAttribute(known, strValue(key));
    if (attribute !== notFound) return attribute;
  }
  return missingMember(known, key);
}

// The `attr` filter: the attribute only (a dict's keys are not attributes).
export function getAttributeOnly(value: unknown, name: string): unknown {
  const known = defined(value);
  const attribute = lookupAttribute(known, name);
  return attribute === notFound ? missingMember(known, name) : attribute;
}

// A field of str.format: `{0.name}` is getattr only, `{0[key]}` an item (digits index a sequence).
function formatField(value: unknown, name: string, attribute: boolean): unknown {
  const known = defined(value);
  if (attribute) {
    const found = lookupAttribute(known, name);
    if (found === notFound) throw new JinjaRuntimeError(`'${typeName(known)}' object has no attribute '${name}'`);
    return found;
  }
  const key = /^\d+$/.test(name) ? Number(name) : name;
  const found = lookupItem(known, key);
  if (found !== notFound) return found;
  throw new JinjaRuntimeError(
    typeof key === "number" ? `${typeName(known)} index out of range` : `KeyError: ${reprString(name)}`,
  );
}

// `value[start:stop:step]` on a list, tuple or str.
export function sliceValue(value: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  const known = defined(value);
  const stride = step === null ? 1 : requireInt(step);
  if (stride === 0) throw new JinjaRuntimeError("slice step cannot be zero");
  if (!Array.isArray(known) && !isStr(known))
    throw new JinjaRuntimeError(`'${typeName(known)}' object is not subscriptable`);
  const items = Array.isArray(known) ? known : Array.from(strValue(known));
  const length = items.length;
  const bound = (index: unknown, fallback: number, low: number, high: number) => {
    if (index === null) return fallback;
    const n = requireInt(index);
    return Math.min(Math.max(n < 0 ? n + length : n, low), high);
  };
  const picked: unknown[] = [];
  if (stride > 0) {
    const from = bound(start, 0, 0, length);
    const to = bound(stop, length, 0, length);
    for (let i = from; i < to; i += stride) picked.push(items[i]);
  } else {
    const from = bound(start, length - 1, -1, length - 1);
    const to = bound(stop, -1, -1, length - 1);
    for (let i = from; i > to; i += stride) picked.push(items[i]);
  }
  if (isStr(known)) return picked.join("");
  return isTuple(known) ? makeTuple(picked) : picked;
}
