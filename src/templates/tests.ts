// Jinja2 3.1's tests (`x is defined`, `n is divisibleby 3`, …) and Ansible's common ones, by name.
import type { FilterSpec, TestTable } from "./filter-support.js";
import { softStr } from "./filter-support.js";
import { binaryOperation, compareValues, contains, iterate, pyEquals } from "./python-operators.js";
import * as strings from "./python-strings.js";
import {
  isCallable,
  isDict,
  isFloat,
  isInt,
  isNumeric,
  isStr,
  JinjaUndefined,
  Markup,
  strValue,
} from "./python-values.js";
import { ansibleTests } from "./tests-ansible.js";

// A one-value test that may look at an undefined value without raising (type checks).
const typeTest = (check: (value: unknown) => boolean): FilterSpec<boolean> => ({
  params: ["value"],
  acceptsUndefined: true,
  run: ({ values }) => check(values[0]),
});

// A two-value comparison test (`x is eq 3`, `x is gt 2`).
const comparison = (operator: string): FilterSpec<boolean> => ({
  params: ["a", "b"],
  run: ({ values }) => compareValues(operator, values[0], values[1]),
});

// Python's `value is other`: identity for objects, equality for the immutable values Python shares.
function sameAs(value: unknown, other: unknown): boolean {
  if (typeof value === "object" && value !== null) return value === other;
  return Object.is(value, other);
}

// Whether iter(value) works.
function iterable(value: unknown): boolean {
  try {
    iterate(value);
    return true;
  } catch (error) {
    if (value instanceof JinjaUndefined) throw error;
    return false;
  }
}

// The tests, by name (Jinja2's, and Ansible's common ones).
export const tests: TestTable = {
  ...ansibleTests,
  defined: typeTest((value) => !(value instanceof JinjaUndefined) && value !== undefined),
  undefined: typeTest((value) => value instanceof JinjaUndefined || value === undefined),
  none: typeTest((value) => value === null),
  boolean: typeTest((value) => typeof value === "boolean"),
  true: typeTest((value) => value === true),
  false: typeTest((value) => value === false),
  integer: typeTest(isInt),
  float: typeTest(isFloat),
  number: typeTest(isNumeric),
  string: typeTest(isStr),
  mapping: typeTest(isDict),
  sequence: typeTest((value) => isStr(value) || Array.isArray(value) || isDict(value)),
  callable: typeTest(isCallable),
  escaped: typeTest((value) => value instanceof Markup),
  sameas: { params: ["value", "other"], acceptsUndefined: true, run: ({ values }) => sameAs(values[0], values[1]) },
  iterable: { params: ["value"], run: ({ values }) => iterable(values[0]) },
  odd: { params: ["value"], run: ({ values }) => pyEquals(binaryOperation("%", values[0], 2), 1) },
  even: { params: ["value"], run: ({ values }) => pyEquals(binaryOperation("%", values[0], 2), 0) },
  divisibleby: {
    params: ["value", "num"],
    run: ({ values }) => pyEquals(binaryOperation("%", values[0], values[1]), 0),
  },
  in: { params: ["value", "seq"], run: ({ values }) => contains(values[1], values[0]) },
  lower: { params: ["value"], run: ({ values }) => strings.isCase(softStr(values[0]), true) },
  upper: { params: ["value"], run: ({ values }) => strings.isCase(softStr(values[0]), false) },
  filter: { params: ["value"], run: ({ values }, env) => isStr(values[0]) && env.hasFilter(strValue(values[0])) },
  test: { params: ["value"], run: ({ values }, env) => isStr(values[0]) && env.hasTest(strValue(values[0])) },
  "==": comparison("=="),
  eq: comparison("=="),
  equalto: comparison("=="),
  "!=": comparison("!="),
  ne: comparison("!="),
  ">": comparison(">"),
  gt: comparison(">"),
  greaterthan: comparison(">"),
  ">=": comparison(">="),
  ge: comparison(">="),
  "<": comparison("<"),
  lt: comparison("<"),
  lessthan: comparison("<"),
  "<=": comparison("<="),
  le: comparison("<="),
};
