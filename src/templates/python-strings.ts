// Python's str methods on JavaScript strings, counting code points as Python does.
import { JinjaRuntimeError } from "./jinja-errors.js";

// The characters str.isspace() and str.split() treat as whitespace.
const whitespaceClass = String.raw`\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
const whitespaceRun = new RegExp(`[${whitespaceClass}]+`, "u");
const onlyWhitespace = new RegExp(`^[${whitespaceClass}]+$`, "u");

// Whether a character (or string) is all Python whitespace.
export function isPythonSpace(text: string): boolean {
  return onlyWhitespace.test(text);
}

// str.strip / lstrip / rstrip: Python whitespace, or any of `chars`.
export function strip(text: string, chars: string | null, side: "both" | "left" | "right" = "both"): string {
  const strippable = (char: string) => (chars === null ? isPythonSpace(char) : chars.includes(char));
  const characters = Array.from(text);
  let start = 0;
  let end = characters.length;
  if (side !== "right") while (start < end && strippable(characters[start] ?? "")) start++;
  if (side !== "left") while (end > start && strippable(characters[end - 1] ?? "")) end--;
  return characters.slice(start, end).join("");
}

// str.split(sep=None, maxsplit=-1).
export function split(text: string, separator: string | null, maxsplit: number): string[] {
  if (separator === "") throw new JinjaRuntimeError("empty separator");
  const limit = maxsplit < 0 ? Number.POSITIVE_INFINITY : maxsplit;
  if (separator !== null) {
    const parts = text.split(separator);
    if (parts.length - 1 <= limit) return parts;
    return [...parts.slice(0, limit), parts.slice(limit).join(separator)];
  }
  const parts: string[] = [];
  let rest = strip(text, null, "left");
  while (rest !== "") {
    if (parts.length >= limit) {
      parts.push(rest);
      break;
    }
    const match = whitespaceRun.exec(rest);
    if (!match) {
      parts.push(rest);
      break;
    }
    parts.push(rest.slice(0, match.index));
    rest = rest.slice(match.index + match[0].length);
  }
  return parts;
}

// str.rsplit(sep=None, maxsplit=-1).
export function rsplit(text: string, separator: string | null, maxsplit: number): string[] {
  if (maxsplit < 0) return split(text, separator, maxsplit);
  const reverse = (s: string) => Array.from(s).reverse().join("");
  const parts = split(reverse(text), separator === null ? null : reverse(separator), maxsplit);
  return parts.map(reverse).reverse();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: Python's str.splitlines() breaks at these control characters.
const lineBreak = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;

// str.splitlines(keepends=False).
export function splitlines(text: string, keepends = false): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const match of text.matchAll(lineBreak)) {
    const end = match.index + match[0].length;
    lines.push(text.slice(start, keepends ? end : match.index));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

// str.replace(old, new, count=-1), including Python's insertion between characters for an empty `old`.
export function replace(text: string, old: string, replacement: string, count = -1): string {
  const limit = count < 0 ? Number.POSITIVE_INFINITY : count;
  if (old === "") {
    const characters = Array.from(text);
    let out = "";
    let done = 0;
    for (let i = 0; i <= characters.length; i++) {
      if (done < limit) {
        out += replacement;
        done++;
      }
      out += characters[i] ?? "";
    }
    return out;
  }
  const parts = text.split(old);
  if (parts.length - 1 <= limit) return parts.join(replacement);
  return parts.slice(0, limit + 1).join(replacement) + old + parts.slice(limit + 1).join(old);
}

const cased = /[\p{Lu}\p{Ll}\p{Lt}]/u;

// str.title(): each run of cased letters starts upper case, goes on lower case.
export function title(text: string): string {
  let out = "";
  let previousCased = false;
  for (const char of text) {
    out += previousCased ? char.toLowerCase() : char.toUpperCase();
    previousCased = cased.test(char);
  }
  return out;
}

// str.capitalize(): first character upper case, the rest lower case.
export function capitalize(text: string): string {
  const [first = "", ...rest] = Array.from(text);
  return first.toUpperCase() + rest.join("").toLowerCase();
}

// str.swapcase().
export function swapcase(text: string): string {
  return Array.from(text, (char) => (char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase())).join("");
}

// str.center(width, fillchar): CPython puts the odd extra space on the left only when width is odd.
export function center(text: string, width: number, fill = " "): string {
  const length = Array.from(text).length;
  if (width <= length) return text;
  const margin = width - length;
  const left = Math.floor(margin / 2) + (margin & width & 1);
  return fill.repeat(left) + text + fill.repeat(margin - left);
}

// str.ljust / str.rjust.
export function justify(text: string, width: number, fill: string, side: "left" | "right"): string {
  const padding = fill.repeat(Math.max(0, width - Array.from(text).length));
  return side === "left" ? text + padding : padding + text;
}

// str.zfill(width): zeros after any sign.
export function zfill(text: string, width: number): string {
  const padding = "0".repeat(Math.max(0, width - Array.from(text).length));
  return /^[+-]/.test(text) ? text.slice(0, 1) + padding + text.slice(1) : padding + text;
}

// The code-point slice [start:end] of a string, with Python's None and negative bounds.
export function sliceCodePoints(text: string, start: number | null, end: number | null): string[] {
  const characters = Array.from(text);
  const clamp = (index: number | null, fallback: number) => {
    if (index === null) return fallback;
    return index < 0 ? Math.max(0, characters.length + index) : Math.min(index, characters.length);
  };
  return characters.slice(clamp(start, 0), clamp(end, characters.length));
}

// str.find / rfind / count on a code-point range: the code-point index (or -1), or the count.
export function findSubstring(
  text: string,
  sub: string,
  start: number | null,
  end: number | null,
  mode: "find" | "rfind" | "count",
): number {
  const characters = Array.from(text);
  const from = start === null ? 0 : start < 0 ? Math.max(0, characters.length + start) : start;
  const window = sliceCodePoints(text, start, end).join("");
  if (mode === "count") {
    if (sub === "") return Array.from(window).length + 1;
    return window.split(sub).length - 1;
  }
  const at = mode === "find" ? window.indexOf(sub) : window.lastIndexOf(sub);
  if (at === -1 || from > characters.length) return -1;
  return from + Array.from(window.slice(0, at)).length;
}

// str.partition / rpartition: [before, separator, after].
export function partition(text: string, separator: string, fromRight: boolean): [string, string, string] {
  if (separator === "") throw new JinjaRuntimeError("empty separator");
  const at = fromRight ? text.lastIndexOf(separator) : text.indexOf(separator);
  if (at === -1) return fromRight ? ["", "", text] : [text, "", ""];
  return [text.slice(0, at), separator, text.slice(at + separator.length)];
}

// str.isdigit, isalpha, … : the text is non-empty and every character matches.
export function allCharacters(text: string, pattern: RegExp): boolean {
  return text.length > 0 && Array.from(text).every((char) => pattern.test(char));
}

// str.islower / isupper: some cased character, and none of the other case.
export function isCase(text: string, lower: boolean): boolean {
  const hasCased = /[\p{Lu}\p{Ll}\p{Lt}]/u.test(text);
  const wrong = lower ? /[\p{Lu}\p{Lt}]/u : /[\p{Ll}\p{Lt}]/u;
  return hasCased && !wrong.test(text);
}

// str.expandtabs(tabsize).
export function expandTabs(text: string, size: number): string {
  let out = "";
  let column = 0;
  for (const char of text) {
    if (char === "\t") {
      const spaces = size > 0 ? size - (column % size) : 0;
      out += " ".repeat(spaces);
      column += spaces;
    } else {
      out += char;
      column = char === "\n" || char === "\r" ? 0 : column + 1;
    }
  }
  return out;
}
