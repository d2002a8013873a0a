// Jinja2 3.1's filters that apply another filter, a test or an attribute to each item: map, select,
// reject, selectattr, rejectattr.
//
// Jinja2 returns generators from these; here they are lists, which print as lists where Jinja2 would
// print `<generator object …>` (never useful output).
import {
  FilterArgumentError,
  type FilterEnvironment,
  type FilterTable,
  makeAttributeGetter,
  softStr,
} from "./filter-support.js";
import { iterate } from "./python-operators.js";
import { truthy } from "./python-values.js";

// Jinja2's prepare_map: a filter call on each item, or an attribute lookup.
function mapItems(value: unknown, args: unknown[], kwargs: Record<string, unknown>, env: FilterEnvironment): unknown[] {
  const items = iterate(value);
  if (args.length === 0 && Object.hasOwn(kwargs, "attribute")) {
    const { attribute, default: fallback, ...others } = kwargs;
    const unexpected = Object.keys(others)[0];
    if (unexpected !== undefined) throw new FilterArgumentError(`Unexpected keyword argument '${unexpected}'`);
    const getter = makeAttributeGetter(attribute, { fallback });
    return items.map(getter);
  }
  const [name, ...rest] = args;
  if (name === undefined) throw new FilterArgumentError("map requires a filter argument");
  return items.map((item) => env.callFilter(softStr(name), [item, ...rest], kwargs));
}

// Jinja2's select_or_reject: items whose (attribute's) test result, or truth, is `keep`.
function selectItems(
  value: unknown,
  args: unknown[],
  kwargs: Record<string, unknown>,
  env: FilterEnvironment,
  options: { byAttribute: boolean; keep: boolean },
): unknown[] {
  let getter = (item: unknown) => item;
  let rest = args;
  if (options.byAttribute) {
    const [attribute, ...others] = args;
    if (attribute === undefined) throw new FilterArgumentError("Missing parameter for attribute name");
    getter = makeAttributeGetter(attribute);
    rest = others;
  }
  const [testName, ...testArgs] = rest;
  const test =
    testName === undefined
      ? (item: unknown) => truthy(item)
      : (item: unknown) => env.callTest(softStr(testName), [item, ...testArgs], kwargs);
  return iterate(value).filter((item) => test(getter(item)) === options.keep);
}

// The filters that map or select items, by name.
export const selectFilters: FilterTable = {
  map: {
    params: ["value"],
    varargs: true,
    varkw: true,
    run: ({ values, rest, kwargs }, env) => mapItems(values[0], rest, kwargs, env),
  },
  select: {
    params: ["value"],
    varargs: true,
    varkw: true,
    run: ({ values, rest, kwargs }, env) =>
      selectItems(values[0], rest, kwargs, env, { byAttribute: false, keep: true }),
  },
  reject: {
    params: ["value"],
    varargs: true,
    varkw: true,
    run: ({ values, rest, kwargs }, env) =>
      selectItems(values[0], rest, kwargs, env, { byAttribute: false, keep: false }),
  },
  selectattr: {
    params: ["value"],
    varargs: true,
    varkw: true,
    run: ({ values, rest, kwargs }, env) =>
      selectItems(values[0], rest, kwargs, env, { byAttribute: true, keep: true }),
  },
  rejectattr: {
    params: ["value"],
    varargs: true,
    varkw: true,
    run: ({ values, rest, kwargs }, env) =>
      selectItems(values[0], rest, kwargs, env, { byAttribute: true, keep: false }),
  },
};
