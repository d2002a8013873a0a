// Ansible's common tests: version (version_compare; loose, strict and semver), match, search, regex, truthy,
// falsy, subset, superset, contains, any, all, abs, and the task-result tests (failed, succeeded, changed,
// skipped, reachable) (ansible-core's plugins/test/core.py and mathstuff.py, same names, arguments and results).
import type { FilterSpec, TestTable } from "./filter-support.js";
import { compilePythonRegex } from "./filters-ansible-regex-python.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { contains, iterate, pyCompare, pyEquals } from "./python-operators.js";
import { dictHas, isDict, isStr, pyStr, strValue, truthy } from "./python-values.js";

const operators: Record<string, string> = {
  "==": "eq",
  "=": "eq",
  eq: "eq",
  "<": "lt",
  lt: "lt",
  "<=": "le",
  le: "le",
  ">": "gt",
  gt: "gt",
  ">=": "ge",
  ge: "ge",
  "!=": "ne",
  "<>": "ne",
  ne: "ne",
};

// LooseVersion's parts: runs of digits as ints, runs of lower-case letters and anything else as strs.
function looseParts(version: string): unknown[] {
  return version
    .split(/(\d+|[a-z]+|\.)/)
    .filter((part) => part !== "" && part !== ".")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

// StrictVersion's parts: [major, minor, patch] and the pre-release ['a'|'b', n] (none sorts after any).
function strictParts(version: string): unknown[] {
  const found = /^(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$/.exec(version);
  if (!found) throw new JinjaRuntimeError(`Version comparison failed: invalid version number '${version}'`);
  const release = [Number(found[1]), Number(found[2]), Number(found[4] ?? 0)];
  const pre = found[5] ? [found[5].charAt(0), Number(found[6])] : ["~", 0];
  return [...release, ...pre];
}

const semverPattern =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

// Ansible's SemanticVersion order: the core numbers, then a pre-release sorts before none; build metadata
// is ignored; pre-release identifiers compare numbers before words.
function compareSemver(a: string, b: string): number {
  const parse = (version: string) => {
    const found = semverPattern.exec(version);
    if (!found) throw new JinjaRuntimeError(`Version comparison failed: invalid semantic version '${version}'`);
    const pre = found[4] ? found[4].split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
    return { core: [Number(found[1]), Number(found[2]), Number(found[3])], pre };
  };
  const [left, right] = [parse(a), parse(b)];
  const core = compareParts(left.core, right.core);
  if (core !== 0 || (left.pre.length === 0 && right.pre.length === 0)) return core;
  if (left.pre.length === 0 || right.pre.length === 0) return left.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(left.pre.length, right.pre.length); i++) {
    const [x, y] = [left.pre[i], right.pre[i]];
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return (x ?? 0) < (y ?? 0) ? -1 : 1;
  }
  return Math.sign(left.pre.length - right.pre.length);
}

// Python's comparison of two part lists (a TypeError between an int and a str is Ansible's failure).
function compareParts(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (pyEquals(a[i], b[i])) continue;
    try {
      return pyCompare(a[i], b[i]);
    } catch (error) {
      throw new JinjaRuntimeError(`Version comparison failed: ${(error as Error).message}`);
    }
  }
  return Math.sign(a.length - b.length);
}

// Ansible's version test: `value is version('1.2', '>=')`, loose by default, strict on request.
function versionCompare(value: unknown, version: unknown, operator: unknown, strict: unknown, type: unknown): boolean {
  if (strict !== null && type !== null) throw new JinjaRuntimeError("Cannot specify both 'strict' and 'version_type'");
  if (!truthy(value)) throw new JinjaRuntimeError("Input version value cannot be empty");
  if (!truthy(version)) throw new JinjaRuntimeError("Version parameter to compare against cannot be empty");
  const kind = truthy(strict ?? false) ? "strict" : type === null ? "loose" : pyStr(type);
  if (!["loose", "strict", "semver", "semantic"].includes(kind)) {
    throw new JinjaRuntimeError(`version_type '${kind}' is not supported by infra-action (loose, strict, semver)`);
  }
  const name = operators[pyStr(operator)];
  if (!name) {
    throw new JinjaRuntimeError(
      `Invalid operator type (${pyStr(operator)}). Must be one of ${Object.keys(operators)
        .map((key) => `'${key}'`)
        .join(", ")}`,
    );
  }
  const [a, b] = [pyStr(value), pyStr(version)];
  const order =
    kind === "semver" || kind === "semantic"
      ? compareSemver(a, b)
      : compareParts(
          ...((kind === "strict" ? [strictParts(a), strictParts(b)] : [looseParts(a), looseParts(b)]) as [
            unknown[],
            unknown[],
          ]),
        );
  const results: Record<string, boolean> = {
    eq: order === 0,
    ne: order !== 0,
    lt: order < 0,
    le: order <= 0,
    gt: order > 0,
    ge: order >= 0,
  };
  return results[name] ?? false;
}

const versionTest: FilterSpec<boolean> = {
  params: ["value", "version", ["operator", "eq"], ["strict", null], ["version_type", null]],
  run: ({ values: [value, version, operator, strict, type] }) => versionCompare(value, version, operator, strict, type),
};

// A regex test: re.match (anchored at the start) or re.search.
function regexTest(defaultType: "match" | "search"): FilterSpec<boolean> {
  return {
    params: ["value", ["pattern", ""], ["ignorecase", false], ["multiline", false], ["match_type", defaultType]],
    run: ({ values: [value, pattern, ignorecase, multiline, type] }) => {
      const flags = { ignorecase: truthy(ignorecase), multiline: truthy(multiline) };
      const regex = compilePythonRegex(pyStr(pattern), flags);
      const anchored = new RegExp(regex.source, regex.flags.replace("g", pyStr(type) === "match" ? "y" : ""));
      return anchored.test(pyStr(value));
    },
  };
}

// Ansible's boolean(): the yes/no words and 1/0 as booleans; anything else stays itself.
function convertBool(value: unknown): unknown {
  const text = isStr(value) ? strValue(value).trim().toLowerCase() : value;
  if (["y", "yes", "on", "1", "true", "t", 1, true].some((item) => pyEquals(item, text))) return true;
  if (["n", "no", "off", "0", "false", "f", 0, false].some((item) => pyEquals(item, text))) return false;
  return value;
}

// truthy and falsy, optionally reading yes/no words as booleans.
const truthTest = (expected: boolean): FilterSpec<boolean> => ({
  params: ["value", ["convert_bool", false]],
  run: ({ values: [value, convert] }) => truthy(truthy(convert) ? convertBool(value) : value) === expected,
});

// A test on a registered task result (a dict), as Ansible's failed, changed, skipped… read it.
const resultTest = (name: string, read: (result: Record<string, unknown>) => boolean): FilterSpec<boolean> => ({
  params: ["result"],
  run: ({ values: [result] }) => {
    if (!isDict(result)) throw new JinjaRuntimeError(`The '${name}' test expects a dictionary`);
    return read(result);
  },
});

// A key of a result, false when absent.
function flag(result: Record<string, unknown>, key: string): boolean {
  return dictHas(result, key) && truthy(result[key]);
}

// Ansible's changed: the result's `changed`, else whether any of its loop `results` changed.
function changedResult(result: Record<string, unknown>): boolean {
  if (dictHas(result, "changed")) return truthy(result.changed);
  const results = result.results;
  if (!Array.isArray(results) || !isDict(results[0])) return false;
  return results.some((item) => isDict(item) && flag(item, "changed"));
}

const failedTest = resultTest("failed", (result) => flag(result, "failed"));
const successTest = resultTest("success", (result) => !flag(result, "failed"));
const changedTest = resultTest("changed", changedResult);
const skippedTest = resultTest("skipped", (result) => flag(result, "skipped"));

// The tests, by name.
export const ansibleTests: TestTable = {
  failed: failedTest,
  failure: failedTest,
  succeeded: successTest,
  success: successTest,
  successful: successTest,
  changed: changedTest,
  change: changedTest,
  skipped: skippedTest,
  skip: skippedTest,
  reachable: resultTest("reachable", (result) => !flag(result, "unreachable")),
  unreachable: resultTest("unreachable", (result) => flag(result, "unreachable")),
  any: { params: ["seq"], run: ({ values: [seq] }) => iterate(seq).some((item) => truthy(item)) },
  all: { params: ["seq"], run: ({ values: [seq] }) => iterate(seq).every((item) => truthy(item)) },
  abs: { params: ["path"], run: ({ values: [path] }) => pyStr(path).startsWith("/") },
  is_abs: { params: ["path"], run: ({ values: [path] }) => pyStr(path).startsWith("/") },
  version: versionTest,
  version_compare: versionTest,
  match: regexTest("match"),
  search: regexTest("search"),
  regex: regexTest("search"),
  truthy: truthTest(true),
  falsy: truthTest(false),
  subset: { params: ["a", "b"], run: ({ values: [a, b] }) => iterate(a).every((item) => contains(b, item)) },
  superset: { params: ["a", "b"], run: ({ values: [a, b] }) => iterate(b).every((item) => contains(a, item)) },
  contains: { params: ["seq", "value"], run: ({ values: [seq, value] }) => contains(seq, value) },
};
