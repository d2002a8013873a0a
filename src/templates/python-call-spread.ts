// A call's `*args` and `**kwargs` spread as Python spreads them, with Python's errors.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { iterate } from "./python-operators.js";
import { dictEntries, isDict, JinjaUndefined, typeName } from "./python-values.js";

// The positional arguments `*value` adds: the items of any iterable.
export function spreadPositional(value: unknown): unknown[] {
  if (value instanceof JinjaUndefined) throw value.toError();
  try {
    return iterate(value);
  } catch (error) {
    if (!(error instanceof JinjaRuntimeError)) throw error;
    throw new JinjaRuntimeError(`Value after * must be an iterable, not ${typeName(value)}`);
  }
}

// The keyword arguments of a call: the named ones, then those `**value` adds (a dict).
export function mergeKeywords(named: Record<string, unknown>, value: unknown): Record<string, unknown> {
  if (value instanceof JinjaUndefined) throw value.toError();
  if (!isDict(value)) throw new JinjaRuntimeError(`argument after ** must be a mapping, not ${typeName(value)}`);
  const merged = { ...named };
  for (const [name, item] of dictEntries(value)) {
    if (Object.hasOwn(merged, name)) throw new JinjaRuntimeError(`got multiple values for keyword argument '${name}'`);
    merged[name] = item;
  }
  return merged;
}
