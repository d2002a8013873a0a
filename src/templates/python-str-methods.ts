// The methods of Python's str a template can call (`name.upper()`, `line.split(":")`); str.format is
// beside attribute lookup in python-methods.ts, since its fields are read with getattr and getitem.
import { JinjaRuntimeError } from "./jinja-errors.js";
import { type Method, optionalInteger, optionalText, text } from "./python-method.js";
import { iterate } from "./python-operators.js";
import * as strings from "./python-strings.js";
import { isStr, isTuple, makeTuple, requireInt, strValue, typeName } from "./python-values.js";

// startswith/endswith: a str or a tuple of them.
function affixes(value: unknown): string[] {
  return isTuple(value) ? value.map((item) => text(item)) : [text(value)];
}

// A str method testing its characters against a pattern (isdigit, isalpha, …).
const characterTest = (pattern: RegExp): Method<string> => ({
  params: [],
  run: (s) => strings.allCharacters(s, pattern),
});

// The index str.index found, or Python's ValueError.
function found(index: number): number {
  if (index === -1) throw new JinjaRuntimeError("substring not found");
  return index;
}

// str's methods by name.
export const strMethods: Record<string, Method<string>> = {
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
