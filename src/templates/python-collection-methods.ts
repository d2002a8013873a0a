// The methods of Python's dict, list and tuple a template can call (`d.items()`, `l.append(x)`).
import { JinjaRuntimeError } from "./jinja-errors.js";
import { type Method, text } from "./python-method.js";
import { iterate, pyCompare, pyEquals } from "./python-operators.js";
import {
  defined,
  dictEntries,
  dictHas,
  dictKeys,
  isDict,
  isStr,
  makeDictView,
  makeTuple,
  pyRepr,
  requireInt,
  strValue,
} from "./python-values.js";

const missingDefault = Symbol("no default");

// dict's methods by name.
export const dictMethods: Record<string, Method<Record<string, unknown>>> = {
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

// tuple's methods by name.
export const tupleMethods: Record<string, Method<unknown[]>> = {
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

// list's methods by name: tuple's and those that change the list.
export const listMethods: Record<string, Method<unknown[]>> = {
  ...tupleMethods,
  append: {
    params: ["object"],
    run: (l, { values }) => {
      l.push(values[0]);
      return null;
    },
  },
  extend: {
    params: ["iterable"],
    run: (l, { values }) => {
      l.push(...iterate(values[0]));
      return null;
    },
  },
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
  reverse: {
    params: [],
    run: (l) => {
      l.reverse();
      return null;
    },
  },
  sort: {
    params: [["reverse", false]],
    run: (l, { values }) => {
      l.sort((a, b) => (values[0] === true ? pyCompare(b, a) : pyCompare(a, b)));
      return null;
    },
  },
  clear: {
    params: [],
    run: (l) => {
      l.splice(0);
      return null;
    },
  },
};
