// Jinja2 3.1's string filters: case, whitespace, indent, truncate, wordwrap, escape, tojson, urlencode…
import { FilterArgumentError, type FilterSpec, type FilterTable, intArgument, softStr } from "./filter-support.js";
import { formatPercent } from "./python-format.js";
import { dumpJson } from "./python-json.js";
import { formatFixed, parsePythonFloat } from "./python-numbers.js";
import { iterate, unpack } from "./python-operators.js";
import * as strings from "./python-strings.js";
import { wrap } from "./python-textwrap.js";
import {
  defined,
  dictEntries,
  isDict,
  isNumeric,
  isStr,
  JinjaUndefined,
  Markup,
  makeTuple,
  markup,
  pyStr,
  strValue,
  toNumber,
} from "./python-values.js";

// markupsafe.escape: & < > " ' as HTML entities; Markup passes unchanged.
export function escapeHtml(value: unknown): Markup {
  const known = defined(value);
  if (known instanceof Markup) return known;
  const text = pyStr(known)
    .replaceAll("&", "&amp;")
    .replaceAll(">", "&gt;")
    .replaceAll("<", "&lt;")
    .replaceAll("'", "&#39;")
    .replaceAll('"', "&#34;");
  return markup(text);
}

// A one-argument string filter.
const textFilter = (transform: (text: string) => string): FilterSpec => ({
  params: ["s"],
  run: ({ values }) => transform(softStr(values[0])),
});

// Jinja2's do_title: capitalises after spaces, dashes and opening brackets.
function titleCase(text: string): string {
  return text
    .split(/([-\s({[<]+)/u)
    .filter((part) => part !== "")
    .map((part) => {
      const [first = "", ...rest] = Array.from(part);
      return first.toUpperCase() + rest.join("").toLowerCase();
    })
    .join("");
}

// Jinja2 3.1's do_indent.
function indent(text: string, width: unknown, first: boolean, blank: boolean): string {
  const indention = isStr(width) ? strValue(width) : " ".repeat(Math.max(0, intArgument(width, "width")));
  const lines = strings.splitlines(`${text}\n`);
  let out: string;
  if (blank) out = lines.join(`\n${indention}`);
  else {
    out = lines[0] ?? "";
    const rest = lines.slice(1);
    if (rest.length > 0) out += `\n${rest.map((line) => (line ? indention + line : line)).join("\n")}`;
  }
  return first ? indention + out : out;
}

// Jinja2's do_truncate.
function truncate(text: string, length: number, killwords: boolean, end: string, leeway: number): string {
  const characters = Array.from(text);
  const endLength = Array.from(end).length;
  if (length < endLength) throw new FilterArgumentError(`expected length >= ${endLength}, got ${length}`);
  if (leeway < 0) throw new FilterArgumentError(`expected leeway >= 0, got ${leeway}`);
  if (characters.length <= length + leeway) return text;
  const kept = characters.slice(0, Math.max(0, length - endLength)).join("");
  if (killwords) return kept + end;
  const space = kept.lastIndexOf(" ");
  return (space === -1 ? kept : kept.slice(0, space)) + end;
}

// Jinja2's do_wordwrap: wraps each line of the text on its own.
function wordwrap(
  text: string,
  width: number,
  breakLongWords: boolean,
  wrapstring: string,
  breakOnHyphens: boolean,
): string {
  return strings
    .splitlines(text)
    .map((line) => wrap(line, { width, breakLongWords, breakOnHyphens }).join(wrapstring))
    .join(wrapstring);
}

const entities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  raquo: "»",
  laquo: "«",
};

// markupsafe's striptags: drops comments and tags, collapses whitespace, unescapes entities.
function stripTags(text: string): string {
  const stripped = text.replace(/<!--[\s\S]*?-->/g, "").replace(/<[\s\S]*?>/g, "");
  return strings
    .split(stripped, null, -1)
    .join(" ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X"))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return entities[name] ?? whole;
    });
}

// werkzeug-style url_quote as Jinja2's urlencode uses it: UTF-8 percent-encoding, "/" kept outside query strings.
function urlQuote(value: unknown, forQuery: boolean): string {
  const encoded = encodeURIComponent(softStr(value)).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return forQuery ? encoded.replaceAll("%20", "+") : encoded.replaceAll("%2F", "/");
}

// Jinja2's do_urlencode: a string, or a dict / pairs as a query string.
function urlencode(value: unknown): string {
  const known = defined(value);
  if (isStr(known)) return urlQuote(known, false);
  const pairs = isDict(known) ? dictEntries(known) : iterate(known).map((pair) => unpack(pair, 2));
  return pairs.map(([key, item]) => `${urlQuote(key, true)}=${urlQuote(item, true)}`).join("&");
}

// Jinja2's do_xmlattr: ` key="value"` pairs, skipping None and undefined values.
function xmlattr(value: unknown, autospace: boolean): Markup {
  const known = defined(value);
  if (!isDict(known)) throw new FilterArgumentError("xmlattr expects a dict");
  const parts = dictEntries(known)
    .filter(([, item]) => item !== null && !(item instanceof JinjaUndefined))
    .map(([key, item]) => `${escapeHtml(key).val}="${escapeHtml(item).val}"`);
  const text = parts.join(" ");
  return markup(autospace && text ? ` ${text}` : text);
}

// Jinja2's tojson: json.dumps with sorted keys, then <, >, &, ' escaped for HTML.
function tojson(value: unknown, indent: unknown): Markup {
  const unit = indent === null ? null : isStr(indent) ? strValue(indent) : intArgument(indent, "indent");
  const text = dumpJson(value, unit)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("'", "\\u0027");
  return markup(text);
}

// The string filters, by name.
export const textFilters: FilterTable = {
  upper: textFilter((s) => s.toUpperCase()),
  lower: textFilter((s) => s.toLowerCase()),
  capitalize: textFilter(strings.capitalize),
  title: textFilter(titleCase),
  wordcount: { params: ["s"], run: ({ values }) => (softStr(values[0]).match(/[\p{L}\p{N}_]+/gu) ?? []).length },
  string: { params: ["value"], run: ({ values }) => (values[0] instanceof Markup ? values[0] : softStr(values[0])) },
  trim: {
    params: ["value", ["chars", null]],
    run: ({ values }) => strings.strip(softStr(values[0]), values[1] === null ? null : softStr(values[1])),
  },
  center: {
    params: ["value", ["width", 80]],
    run: ({ values }) => strings.center(softStr(values[0]), intArgument(values[1], "width")),
  },
  replace: {
    params: ["s", "old", "new", ["count", null]],
    run: ({ values }) =>
      strings.replace(
        softStr(values[0]),
        softStr(values[1]),
        softStr(values[2]),
        values[3] === null ? -1 : intArgument(values[3], "count"),
      ),
  },
  indent: {
    params: ["s", ["width", 4], ["first", false], ["blank", false]],
    run: ({ values }) => indent(softStr(values[0]), values[1], values[2] === true, values[3] === true),
  },
  truncate: {
    params: ["s", ["length", 255], ["killwords", false], ["end", "..."], ["leeway", null]],
    run: ({ values }) =>
      truncate(
        softStr(values[0]),
        intArgument(values[1], "length"),
        values[2] === true,
        softStr(values[3]),
        values[4] === null ? 5 : intArgument(values[4], "leeway"),
      ),
  },
  wordwrap: {
    params: ["s", ["width", 79], ["break_long_words", true], ["wrapstring", null], ["break_on_hyphens", true]],
    run: ({ values }) =>
      wordwrap(
        softStr(values[0]),
        intArgument(values[1], "width"),
        values[2] !== false,
        values[3] === null ? "\n" : softStr(values[3]),
        values[4] !== false,
      ),
  },
  format: {
    params: ["value"],
    varargs: true,
    varkw: true,
    run: ({ values, rest, kwargs }) => {
      if (rest.length > 0 && Object.keys(kwargs).length > 0) {
        throw new FilterArgumentError("can't handle positional and keyword arguments at the same time");
      }
      return formatPercent(softStr(values[0]), Object.keys(kwargs).length > 0 ? kwargs : makeTuple(rest));
    },
  },
  escape: { params: ["s"], run: ({ values }) => escapeHtml(values[0]) },
  e: { params: ["s"], run: ({ values }) => escapeHtml(values[0]) },
  forceescape: { params: ["value"], run: ({ values }) => escapeHtml(softStr(values[0])) },
  safe: { params: ["value"], run: ({ values }) => markup(softStr(values[0])) },
  striptags: { params: ["value"], run: ({ values }) => stripTags(softStr(values[0])) },
  urlencode: { params: ["value"], run: ({ values }) => urlencode(values[0]) },
  xmlattr: { params: ["d", ["autospace", true]], run: ({ values }) => xmlattr(values[0], values[1] !== false) },
  tojson: { params: ["value", ["indent", null]], run: ({ values }) => tojson(values[0], values[1]) },
  filesizeformat: {
    params: ["value", ["binary", false]],
    run: ({ values }) => filesizeformat(values[0], values[1] === true),
  },
};

// Jinja2's do_filesizeformat: "1.5 kB", "1 Byte", "12 Bytes".
function filesizeformat(value: unknown, binary: boolean): string {
  const known = defined(value);
  const size = isNumeric(known) ? toNumber(known) : parsePythonFloat(softStr(known));
  if (size === undefined) throw new FilterArgumentError(`could not convert string to float: ${pyStr(known)}`);
  const base = binary ? 1024 : 1000;
  const prefixes = binary
    ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
    : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
  if (size === 1) return "1 Byte";
  if (size < base) return `${Math.trunc(size)} Bytes`;
  let unit = base;
  let prefix = prefixes[0] ?? "";
  for (const [i, candidate] of prefixes.entries()) {
    unit = base ** (i + 2);
    prefix = candidate;
    if (size < unit) break;
  }
  return `${formatFixed((base * size) / unit, 1)} ${prefix}`;
}
