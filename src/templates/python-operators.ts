// Python's operators on template values: ==, <, +, -, *, /, //, %, **, `in`, iteration and unpacking.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { formatPercent } from "./python-format.js";
import {
  defined,
  dictHas,
  dictKeys,
  isDict,
  isFloat,
  isLenientUndefined,
  isList,
  isNumeric,
  isStr,
  isTuple,
  JinjaUndefined,
  makeNumber,
  makeTuple,
  type PyFloat,
  pyStr,
  strValue,
  toNumber,
  typeName,
} from "./python-values.js";

// Python's `a == b`: numbers across int/float/bool, lists and dicts by content.
export function pyEquals(a: unknown, b: unknown): boolean {
  // A lenient undefined equals only another undefined (Jinja2's Undefined.__eq__).
  if (isLenientUndefined(a) || isLenientUndefined(b)) return a instanceof JinjaUndefined && b instanceof JinjaUndefined;
  const left = defined(a);
  const right = defined(b);
  if (isNumeric(left) && isNumeric(right)) return toNumber(left) === toNumber(right);
  if (isStr(left) && isStr(right)) return strValue(left) === strValue(right);
  if (Array.isArray(left) && Array.isArray(right)) {
    if (isTuple(left) !== isTuple(right) || left.length !== right.length) return false;
    return left.every((item, i) => pyEquals(item, right[i]));
  }
  if (isDict(left) && isDict(right)) {
    const keys = dictKeys(left);
    if (keys.length !== dictKeys(right).length) return false;
    return keys.every((key) => dictHas(right, key) && pyEquals(left[key], right[key]));
  }
  return left === right;
}

// Python's ordering of two values: -1, 0 or 1; a TypeError for values Python cannot order.
export function pyCompare(a: unknown, b: unknown, operator = "<"): number {
  const left = defined(a);
  const right = defined(b);
  if (isNumeric(left) && isNumeric(right)) return Math.sign(toNumber(left) - toNumber(right));
  if (isStr(left) && isStr(right)) return compareCodePoints(strValue(left), strValue(right));
  if (Array.isArray(left) && Array.isArray(right) && isTuple(left) === isTuple(right)) {
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      if (!pyEquals(left[i], right[i])) return pyCompare(left[i], right[i], operator);
    }
    return Math.sign(left.length - right.length);
  }
  throw new JinjaRuntimeError(
    `'${operator}' not supported between instances of '${typeName(left)}' and '${typeName(right)}'`,
  );
}

// Compares strings by code point, as Python does (JavaScript's < compares UTF-16 units).
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]?.codePointAt(0) ?? 0;
    const y = right[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return Math.sign(left.length - right.length);
}

// A comparison operator of a template: ==, !=, <, >, <=, >=.
export function compareValues(operator: string, a: unknown, b: unknown): boolean {
  switch (operator) {
    case "==":
    case "===":
      return pyEquals(a, b);
    case "!=":
    case "!==":
      return !pyEquals(a, b);
    case "<":
      return pyCompare(a, b, operator) < 0;
    case ">":
      return pyCompare(a, b, operator) > 0;
    case "<=":
      return pyCompare(a, b, operator) <= 0;
    case ">=":
      return pyCompare(a, b, operator) >= 0;
    default:
      throw new JinjaRuntimeError(`unknown comparison operator ${operator}`);
  }
}

// The TypeError Python raises for an operator its operands do not support.
function unsupported(operator: string, a: unknown, b: unknown): JinjaRuntimeError {
  return new JinjaRuntimeError(`unsupported operand type(s) for ${operator}: '${typeName(a)}' and '${typeName(b)}'`);
}

// Applies a numeric operation, giving a float when either operand is one (or `alwaysFloat`).
function numeric(
  a: number | boolean | PyFloat,
  b: number | boolean | PyFloat,
  op: (x: number, y: number) => number,
  alwaysFloat = false,
) {
  return makeNumber(op(toNumber(a), toNumber(b)), alwaysFloat || isFloat(a) || isFloat(b));
}

// Python's binary arithmetic operators on two template values.
export function binaryOperation(operator: string, a: unknown, b: unknown): unknown {
  const left = defined(a);
  const right = defined(b);
  if (operator === "%" && isStr(left)) return formatPercent(strValue(left), right);
  if (isNumeric(left) && isNumeric(right)) return arithmetic(operator, left, right);
  if (operator === "+") return add(left, right);
  if (operator === "*") return repeat(left, right);
  throw unsupported(operator, left, right);
}

// +, -, *, /, //, %, ** on two numbers.
function arithmetic(operator: string, a: number | boolean | PyFloat, b: number | boolean | PyFloat): number | PyFloat {
  const divisor = toNumber(b);
  if ((operator === "/" || operator === "//" || operator === "%") && divisor === 0) {
    const float = isFloat(a) || isFloat(b);
    throw new JinjaRuntimeError(
      operator === "/" ? "division by zero" : float ? "float modulo" : "integer division or modulo by zero",
    );
  }
  switch (operator) {
    case "+":
      return numeric(a, b, (x, y) => x + y);
    case "-":
      return numeric(a, b, (x, y) => x - y);
    case "*":
      return numeric(a, b, (x, y) => x * y);
    case "/":
      return numeric(a, b, (x, y) => x / y, true);
    case "//":
      return numeric(a, b, (x, y) => Math.floor(x / y));
    case "%":
      return numeric(a, b, (x, y) => x - y * Math.floor(x / y));
    case "**":
      return numeric(a, b, (x, y) => x ** y, toNumber(b) < 0);
    default:
      throw new JinjaRuntimeError(`unknown operator ${operator}`);
  }
}

// `+` on sequences: str + str, list + list, tuple + tuple.
function add(a: unknown, b: unknown): unknown {
  if (isStr(a) && isStr(b)) return strValue(a) + strValue(b);
  if (isList(a) && isList(b)) return [...a, ...b];
  if (isTuple(a) && isTuple(b)) return makeTuple([...a, ...b]);
  if (isStr(a)) throw new JinjaRuntimeError(`can only concatenate str (not "${typeName(b)}") to str`);
  if (isList(a)) throw new JinjaRuntimeError(`can only concatenate list (not "${typeName(b)}") to list`);
  throw unsupported("+", a, b);
}

// `*` between a sequence and an int: "-" * 3, [0] * 2.
function repeat(a: unknown, b: unknown): unknown {
  const [sequence, count] = isNumeric(a) ? [b, a] : [a, b];
  if (!isNumeric(count) || isFloat(count)) {
    if (isStr(sequence) || Array.isArray(sequence)) {
      throw new JinjaRuntimeError(`can't multiply sequence by non-int of type '${typeName(count)}'`);
    }
    throw unsupported("*", a, b);
  }
  const times = Math.max(0, toNumber(count));
  if (isStr(sequence)) return strValue(sequence).repeat(times);
  if (Array.isArray(sequence)) {
    const items = Array.from({ length: times }, () => sequence).flat();
    return isTuple(sequence) ? makeTuple(items) : items;
  }
  throw unsupported("*", a, b);
}

// Unary minus and plus.
export function unaryOperation(operator: "-" | "+", value: unknown): unknown {
  const known = defined(value);
  if (!isNumeric(known)) throw new JinjaRuntimeError(`bad operand type for unary ${operator}: '${typeName(known)}'`);
  const number = toNumber(known);
  return makeNumber(operator === "-" ? -number : number, isFloat(known));
}

// `a ~ b`: both as strings, joined.
export function concatenate(a: unknown, b: unknown): string {
  return pyStr(a) + pyStr(b);
}

// Python's `item in container`.
export function contains(container: unknown, item: unknown): boolean {
  if (isLenientUndefined(container)) return false;
  const haystack = defined(container);
  const needle = defined(item);
  if (isStr(haystack)) {
    if (!isStr(needle)) {
      throw new JinjaRuntimeError(`'in <string>' requires string as left operand, not ${typeName(needle)}`);
    }
    return strValue(haystack).includes(strValue(needle));
  }
  if (Array.isArray(haystack)) return haystack.some((element) => pyEquals(element, needle));
  if (isDict(haystack)) return isStr(needle) && dictHas(haystack, strValue(needle));
  throw new JinjaRuntimeError(`argument of type '${typeName(haystack)}' is not iterable`);
}

// The items `for x in value` visits: a list's items, a str's characters, a dict's keys.
export function iterate(value: unknown): unknown[] {
  if (isLenientUndefined(value)) return [];
  const known = defined(value);
  if (Array.isArray(known)) return [...known];
  if (isStr(known)) return Array.from(strValue(known));
  if (isDict(known)) return dictKeys(known);
  if (typeof known === "object" && known !== null && Symbol.iterator in known) {
    return Array.from(known as Iterable<unknown>);
  }
  throw new JinjaRuntimeError(`'${typeName(known)}' object is not iterable`);
}

// Unpacks one item into `count` loop or set targets (`for key, value in pairs`).
export function unpack(value: unknown, count: number): unknown[] {
  const items = iterate(value);
  if (items.length > count) throw new JinjaRuntimeError(`too many values to unpack (expected ${count})`);
  if (items.length < count) {
    throw new JinjaRuntimeError(`not enough values to unpack (expected ${count}, got ${items.length})`);
  }
  return items;
}
