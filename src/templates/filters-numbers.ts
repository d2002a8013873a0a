// Jinja2 3.1's number filters: int, float, abs, round.

import { FilterArgumentError, type FilterTable, intArgument } from "./filter-support.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { parsePythonFloat, parsePythonInt, roundFloat, roundInt } from "./python-numbers.js";
import {
  defined,
  isFloat,
  isNumeric,
  isStr,
  makeNumber,
  PyFloat,
  strValue,
  toNumber,
  typeName,
} from "./python-values.js";

// Python's int() of a float: truncation, with its errors for inf and nan.
function truncate(x: number): number {
  if (Number.isNaN(x)) throw new JinjaRuntimeError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new JinjaRuntimeError("cannot convert float infinity to integer");
  return Math.trunc(x) || 0;
}

// Jinja2's do_int: int(value, base), else int(float(value)), else the default.
function toInt(value: unknown, fallback: unknown, base: number): unknown {
  const known = defined(value);
  if (isStr(known)) {
    const parsed = parsePythonInt(strValue(known), base);
    if (parsed !== undefined) return parsed;
    const float = parsePythonFloat(strValue(known));
    if (float === undefined || Number.isNaN(float)) return fallback;
    return truncate(float);
  }
  if (isNumeric(known)) {
    const number = toNumber(known);
    return Number.isNaN(number) ? fallback : truncate(number);
  }
  return fallback;
}

// Jinja2's do_float: float(value), else the default.
function toFloat(value: unknown, fallback: unknown): unknown {
  const known = defined(value);
  if (isNumeric(known)) return makeNumber(toNumber(known), true);
  if (isStr(known)) {
    const parsed = parsePythonFloat(strValue(known));
    return parsed === undefined ? fallback : makeNumber(parsed, true);
  }
  return fallback;
}

// Jinja2's do_round: Python's round() ("common", half to even), or ceil/floor at a precision.
function round(value: unknown, precision: number, method: unknown): unknown {
  const known = defined(value);
  if (method !== "common" && method !== "ceil" && method !== "floor") {
    throw new FilterArgumentError("method must be common, ceil or floor");
  }
  if (!isNumeric(known)) throw new JinjaRuntimeError(`type ${typeName(known)} doesn't define __round__ method`);
  const number = toNumber(known);
  if (method === "common") {
    return isFloat(known) ? makeNumber(roundFloat(number, precision), true) : roundInt(number, precision);
  }
  const scale = 10 ** precision;
  const scaled = method === "ceil" ? Math.ceil(number * scale) : Math.floor(number * scale);
  return makeNumber(scaled / scale, true);
}

// Python's abs().
function absolute(value: unknown): unknown {
  const known = defined(value);
  if (!isNumeric(known)) throw new JinjaRuntimeError(`bad operand type for abs(): '${typeName(known)}'`);
  return makeNumber(Math.abs(toNumber(known)), isFloat(known));
}

// The number filters, by name.
export const numberFilters: FilterTable = {
  int: {
    params: ["value", ["default", 0], ["base", 10]],
    run: ({ values }) => toInt(values[0], values[1], intArgument(values[2], "base")),
  },
  float: { params: ["value", ["default", new PyFloat(0)]], run: ({ values }) => toFloat(values[0], values[1]) },
  round: {
    params: ["value", ["precision", 0], ["method", "common"]],
    run: ({ values }) => round(values[0], intArgument(values[1], "precision"), values[2]),
  },
  abs: { params: ["x"], run: ({ values }) => absolute(values[0]) },
};
