// Attribute and item access as Jinja2 does it (`x.name` tries the attribute then the item, `x[k]` the
// item then the attribute), with the Python methods of str, dict, list and tuple as attributes
// (python-str-methods.ts, python-collection-methods.ts), and slicing.

import { JinjaRuntimeError } from "./jinja-errors.js";
import { dictMethods, listMethods, tupleMethods } from "./python-collection-methods.js";
import { formatBraces } from "./python-format.js";
import { bindMethod, type Method } from "./python-method.js";
import { strMethods as plainStrMethods } from "./python-str-methods.js";
import {
  defined,
  dictHas,
  isDict,
  isFloat,
  isNumeric,
  isStr,
  isTuple,
  JinjaUndefined,
  Markup,
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

// str's methods, with str.format, whose `{0.name}` and `{0[key]}` fields are read by formatField below.
const strMethods: Record<string, Method<string>> = {
  ...plainStrMethods,
  format: {
    params: [],
    varargs: true,
    varkw: true,
    run: (s, { rest, kwargs }) => formatBraces(s, rest, kwargs, formatField),
  },
};

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
