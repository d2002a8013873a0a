// Python `re` in JavaScript, for Ansible's regex filters and tests: patterns and replacement templates read
// into JavaScript RegExps with Python's meaning (Unicode \w and \d, `$` before a final newline, only \n ending
// a line, empty matches as Python 3.7 finds them). What JavaScript cannot express the same way (verbose mode,
// scoped flags, atomic groups, possessive quantifiers, conditionals) is refused with a clear error rather than
// matched differently.
import { JinjaRuntimeError } from "./jinja-errors.js";

// Python's \w, in JavaScript's Unicode mode (Python 3 str patterns are Unicode-aware).
const WORD = "\\p{L}\\p{N}_";
// Python's \s: str.isspace()'s characters (JavaScript's \s lacks \x1c-\x1f and \x85, and adds \ufeff).
const SPACE = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const wordBoundary = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const notWordBoundary = `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;

// Python's re flags a filter was given.
export interface RegexFlags {
  ignorecase?: boolean;
  multiline?: boolean;
}

// A refusal: the pattern uses what has no exact JavaScript equivalent.
function refuse(pattern: string, what: string): never {
  throw new JinjaRuntimeError(
    `regular expression ${JSON.stringify(pattern)}: ${what} is not supported by infra-action (it cannot match exactly as Python's re does); rewrite the pattern without it`,
  );
}

// Escapes outside a class: Python's meaning, in JavaScript's Unicode-mode syntax.
function translateEscape(pattern: string, next: string, inClass: boolean): string {
  if (next === "d") return "\\p{Nd}";
  if (next === "D") return inClass ? refuse(pattern, "\\D inside a character class") : "\\P{Nd}";
  if (next === "w") return inClass ? WORD : `[${WORD}]`;
  if (next === "W") return inClass ? refuse(pattern, "\\W inside a character class") : `[^${WORD}]`;
  if (next === "b") return inClass ? "\\x08" : wordBoundary;
  if (next === "B") return inClass ? refuse(pattern, "\\B inside a character class") : notWordBoundary;
  if (next === "A") return "(?<![\\s\\S])";
  if (next === "Z") return "(?![\\s\\S])";
  if (next === "s") return inClass ? SPACE : `[${SPACE}]`;
  if (next === "S") return inClass ? refuse(pattern, "\\S inside a character class") : `[^${SPACE}]`;
  if (/[tnrfv0-9]/.test(next)) return `\\${next}`;
  if (/[a-zA-Z]/.test(next)) return refuse(pattern, `the escape \\${next}`);
  if (/[\^$\\.*+?()[\]{}|/]/.test(next) || (inClass && next === "-")) return `\\${next}`;
  return next;
}

// The length of a Python quantifier `{m,n}` at `index`, or 0 when the brace is a literal.
function quantifierLength(pattern: string, index: number): number {
  const found = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(index));
  if (!found || (found[1] === "" && found[2] === "")) return 0;
  return found[0].length;
}

// Reads a group opening `(?…` at `index`: its JavaScript text and how many pattern characters it spans.
function translateGroupOpening(pattern: string, index: number, flags: Set<string>): [string, number] {
  const rest = pattern.slice(index);
  const named = /^\(\?P<([A-Za-z_]\w*)>/.exec(rest);
  if (named) return [`(?<${named[1]}>`, named[0].length];
  const reference = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
  if (reference) return [`\\k<${reference[1]}>`, reference[0].length];
  const plain = /^\(\?(?::|=|!|<=|<!)/.exec(rest);
  if (plain) return [plain[0], plain[0].length];
  const comment = /^\(\?#[^)]*\)/.exec(rest);
  if (comment) return ["", comment[0].length];
  const inline = /^\(\?([aiLmsux]+)\)/.exec(rest);
  if (inline && index === 0) {
    for (const flag of inline[1] ?? "") {
      if (!"ims".includes(flag)) refuse(pattern, `the inline flag (?${flag})`);
      flags.add(flag);
    }
    return ["", inline[0].length];
  }
  return refuse(pattern, `the group ${rest.slice(0, 4)}…`);
}

// Translates a Python pattern into a JavaScript RegExp (Unicode mode, global).
export function compilePythonRegex(pattern: string, given: RegexFlags = {}): RegExp {
  const flags = new Set<string>();
  if (given.ignorecase) flags.add("i");
  if (given.multiline) flags.add("m");
  let out = "";
  let inClass = false;
  const dots: number[] = [];
  const dollars: number[] = [];
  const carets: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === "\\") {
      const next = pattern.charAt(i + 1);
      if (next === "") refuse(pattern, "a trailing backslash");
      out += translateEscape(pattern, next, inClass);
      i++;
    } else if (inClass) {
      if (char === "]") inClass = false;
      out += char === "[" ? "\\[" : char;
    } else if (char === "[") {
      inClass = true;
      out += char;
      if (pattern.charAt(i + 1) === "^") out += pattern.charAt(++i);
      if (pattern.charAt(i + 1) === "]") {
        out += "\\]";
        i++;
      }
    } else if (char === "(" && pattern.charAt(i + 1) === "?") {
      const [text, length] = translateGroupOpening(pattern, i, flags);
      out += text;
      i += length - 1;
    } else if (char === "{") {
      const length = quantifierLength(pattern, i);
      out += length === 0 ? "\\{" : pattern.slice(i, i + length).replace("{,", "{0,");
      i += Math.max(0, length - 1);
      if (/^[+]/.test(pattern.charAt(i + 1)) && length > 0) refuse(pattern, "a possessive quantifier");
    } else if (char === "}" || char === "]") out += `\\${char}`;
    else if (char === ".") {
      dots.push(out.length);
      out += ".";
    } else if (char === "$" || char === "^") {
      (char === "$" ? dollars : carets).push(out.length);
      out += char;
    } else if (/[*+?]/.test(char) && pattern.charAt(i + 1) === "+") refuse(pattern, "a possessive quantifier");
    else out += char;
  }
  return finishRegex(out, flags, { dots, dollars, carets });
}

// Gives `.`, `^` and `$` Python's meaning once the flags are known (only \n ends a line, not \r).
function finishRegex(
  source: string,
  flags: Set<string>,
  at: { dots: number[]; dollars: number[]; carets: number[] },
): RegExp {
  const dot = flags.has("s") ? "[\\s\\S]" : "[^\\n]";
  const dollar = flags.has("m") ? "(?=\\n|(?![\\s\\S]))" : "(?=\\n?(?![\\s\\S]))";
  const caret = flags.has("m") ? "(?<=\\n|(?<![\\s\\S]))" : "(?<![\\s\\S])";
  const marks = [
    ...at.dots.map((index) => [index, dot] as const),
    ...at.dollars.map((index) => [index, dollar] as const),
    ...at.carets.map((index) => [index, caret] as const),
  ];
  let out = source;
  for (const [index, text] of marks.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, index) + text + out.slice(index + 1);
  const jsFlags = `gu${flags.has("i") ? "i" : ""}`;
  try {
    return new RegExp(out, jsFlags);
  } catch (error) {
    throw new JinjaRuntimeError(`invalid regular expression: ${(error as Error).message}`);
  }
}

// Python re.sub's template (`\\1`, `\\g<1>`, `\\g<name>`, escapes like `\\n`), checked against the pattern's groups
// before any match as Python does, and expanded for each match.
export function compileReplacement(template: string, regex: RegExp): (match: RegExpExecArray) => string {
  const probe = new RegExp(`${regex.source}|`, regex.flags.replace("g", "")).exec("");
  const count = (probe?.length ?? 1) - 1;
  const names = Object.keys(probe?.groups ?? {});
  const parts: (string | ((match: RegExpExecArray) => string))[] = [];
  const reference = (key: string) => {
    const index = /^\d+$/.test(key) ? Number(key) : undefined;
    if (index === undefined ? !names.includes(key) : index > count) {
      throw new JinjaRuntimeError(`invalid group reference ${key} in the replacement ${JSON.stringify(template)}`);
    }
    parts.push((match) => (index === undefined ? match.groups?.[key] : match[index]) ?? "");
  };
  for (let i = 0; i < template.length; i++) {
    const char = template.charAt(i);
    const rest = template.slice(i + 1);
    const named = /^g<([^>]*)>/.exec(rest);
    const number = /^[1-9]\d?/.exec(rest);
    const escaped = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07", b: "\b", "\\": "\\", "0": "\0" }[
      rest.charAt(0)
    ];
    if (char !== "\\") parts.push(char);
    else if (named) reference(named[1] ?? "");
    else if (number) reference(number[0]);
    else if (escaped !== undefined) parts.push(escaped);
    else if (/[a-zA-Z]/.test(rest.charAt(0))) {
      throw new JinjaRuntimeError(`bad escape \\${rest.charAt(0)} in the replacement ${JSON.stringify(template)}`);
    } else {
      parts.push("\\");
      continue;
    }
    if (char === "\\") i += named ? named[0].length : number ? number[0].length : 1;
  }
  return (match) => parts.map((part) => (typeof part === "string" ? part : part(match))).join("");
}

// Every match as Python 3.7+ finds them: after an empty match at p, the next may start at p only if it is not
// empty (JavaScript would skip p), and an empty match may follow a non-empty one.
export function findMatches(text: string, regex: RegExp): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  const flags = regex.flags.replace("g", "");
  let [position, mustAdvance] = [0, false];
  while (position <= text.length && matches.length <= 2 * text.length + 2) {
    let match: RegExpExecArray | null = null;
    if (mustAdvance) {
      const before = Array.from(text.slice(0, position)).length;
      const nonEmpty = new RegExp(`(?:${regex.source})(?<!(?<![\\s\\S])[\\s\\S]{${before}})`, `${flags}y`);
      nonEmpty.lastIndex = position;
      match = nonEmpty.exec(text);
      if (!match) position += (text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1;
    }
    if (!match) {
      if (position > text.length) break;
      const anywhere = new RegExp(regex.source, `${flags}g`);
      anywhere.lastIndex = position;
      match = anywhere.exec(text);
    }
    if (!match) break;
    matches.push(match);
    position = match.index + match[0].length;
    mustAdvance = match[0] === "";
  }
  return matches;
}
