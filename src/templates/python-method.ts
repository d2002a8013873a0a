// A Python method of a built-in type (str, dict, list, tuple): its signature and body, the argument checks
// the methods share, and binding one to its value so templates can call it.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { type BoundArguments, bindArguments, type Param } from "./python-arguments.js";
import { defined, isStr, PyCallable, requireInt, strValue, typeName } from "./python-values.js";

// A method: a Python signature and a body that gets the value it is called on.
export type Method<T> = {
  params: readonly Param[];
  varargs?: boolean;
  varkw?: boolean;
  run(self: T, bound: BoundArguments): unknown;
};

// A str argument of a method, or Python's TypeError.
export function text(value: unknown, what = "argument"): string {
  const known = defined(value);
  if (!isStr(known)) throw new JinjaRuntimeError(`${what} must be str, not ${typeName(known)}`);
  return strValue(known);
}

// An optional str argument (None allowed).
export function optionalText(value: unknown): string | null {
  return value === null ? null : text(value);
}

// An optional int argument (None allowed).
export function optionalInteger(value: unknown): number | null {
  return value === null ? null : requireInt(value);
}

// Makes a bound method callable from templates.
export function bindMethod<T>(self: T, name: string, method: Method<T>): PyCallable {
  return new PyCallable(name, (args, kwargs) => method.run(self, bindArguments({ name, ...method }, args, kwargs)));
}
