// How libyaml (the emitter behind Ansible's to_yaml: PyYAML's CSafeDumper) reads a scalar before writing it:
// which styles it allows, and whether a plain str would be read back as another type (YAML 1.1's implicit
// resolvers: `yes`, `1.0`, `~`, `2024-01-01`…) and so must be quoted.
import { formatFloatRepr, formatInt } from "./python-numbers.js";
import { isStr, PyFloat, strValue } from "./python-values.js";

// What the emitter may do with a scalar (libyaml's scalar_data).
export interface ScalarAnalysis {
  empty: boolean;
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  // UTF-8 length, which decides whether a mapping key may be written simply (`key: value`).
  byteLength: number;
}

// libyaml's IS_PRINTABLE (by code point): \n, ASCII 0x20–0x7E, U+00A0–U+D7FF, U+E000–U+FFFD but not the BOM.
export function isPrintable(code: number): boolean {
  if (code === 0x0a || (code >= 0x20 && code <= 0x7e)) return true;
  if (code >= 0xa0 && code <= 0xd7ff) return true;
  return code >= 0xe000 && code <= 0xfffd && code !== 0xfeff;
}

// libyaml's IS_BREAK: \r, \n, NEL, LS, PS.
export function isBreak(char: string | undefined): boolean {
  return char !== undefined && "\r\n\u0085\u2028\u2029".includes(char);
}

// libyaml's IS_BLANKZ: a space, tab, break, or the end.
function isBlankOrEnd(char: string | undefined): boolean {
  return char === undefined || char === " " || char === "\t" || isBreak(char);
}

// libyaml's yaml_emitter_analyze_scalar.
export function analyzeScalar(text: string): ScalarAnalysis {
  const chars = Array.from(text);
  const byteLength = Buffer.byteLength(text, "utf8");
  if (chars.length === 0) {
    return { empty: true, multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, byteLength };
  }
  let blockIndicators = text.startsWith("---") || text.startsWith("...");
  let flowIndicators = blockIndicators;
  let [lineBreaks, special, leadingSpace, leadingBreak, trailingSpace, trailingBreak] = Array(6).fill(false);
  let [breakSpace, spaceBreak, previousSpace, previousBreak] = Array(4).fill(false);
  let precededByWhitespace = true;
  chars.forEach((char, i) => {
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(char)) flowIndicators = blockIndicators = true;
      if (char === "?" || char === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (char === "-" && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (",?[]{}".includes(char)) flowIndicators = true;
      if (char === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (char === "#" && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (!isPrintable(char.codePointAt(0) ?? 0)) special = true;
    if (isBreak(char)) lineBreaks = true;
    const last = i === chars.length - 1;
    if (char === " ") {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      [previousSpace, previousBreak] = [true, false];
    } else if (isBreak(char)) {
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      [previousSpace, previousBreak] = [false, true];
    } else [previousSpace, previousBreak] = [false, false];
    precededByWhitespace = isBlankOrEnd(char);
  });
  let flowPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let blockPlain = flowPlain;
  let singleQuoted = true;
  if (breakSpace) flowPlain = blockPlain = singleQuoted = false;
  if (spaceBreak || special) flowPlain = blockPlain = singleQuoted = false;
  if (lineBreaks) flowPlain = blockPlain = false;
  if (flowIndicators) flowPlain = false;
  if (blockIndicators) blockPlain = false;
  return { empty: false, multiline: lineBreaks, flowPlain, blockPlain, singleQuoted, byteLength };
}

// YAML 1.1's implicit types as PyYAML's resolver reads plain scalars, by their first character.
const implicitTypes: [RegExp, string][] = [
  [/^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, "yYnNtTfFoO"],
  [
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    "-+0123456789.",
  ],
  [
    /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
    "-+0123456789",
  ],
  [/^(?:<<)$/, "<"],
  [/^(?:~|null|Null|NULL)$/, "~nN"],
  [
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
    "0123456789",
  ],
  [/^(?:=)$/, "="],
  [/^(?:!|&|\*)$/, "!&*"],
];

// Whether a str written plain would be read back as a str (else it must be quoted).
function readsAsString(text: string): boolean {
  if (text === "") return false;
  const first = text.charAt(0);
  return !implicitTypes.some(([pattern, firsts]) => firsts.includes(first) && pattern.test(text));
}

const escapes: Record<number, string> = {
  0: "0",
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  27: "e",
  34: '"',
  92: "\\",
  133: "N",
  160: "_",
  8232: "L",
  8233: "P",
};

// A character as libyaml escapes it in a double-quoted scalar: `\\n`, `\\t`, … or `\\xXX`, `\\uXXXX`, `\\UXXXXXXXX`.
export function escapeCharacter(code: number): string {
  const hex = (digits: number) => code.toString(16).toUpperCase().padStart(digits, "0");
  const short = escapes[code];
  return `\\${short ?? (code <= 0xff ? `x${hex(2)}` : code <= 0xffff ? `u${hex(4)}` : `U${hex(8)}`)}`;
}

// A scalar as the representer hands it to the emitter: its text and whether it may be written plain.
export interface ScalarNode {
  text: string;
  plainImplicit: boolean;
}

// PyYAML's SafeRepresenter for a scalar value (None, bool, int, float, str), or undefined for a collection.
export function representScalar(value: unknown): ScalarNode | undefined {
  if (value === null) return { text: "null", plainImplicit: true };
  if (typeof value === "boolean") return { text: value ? "true" : "false", plainImplicit: true };
  if (typeof value === "number" && Number.isInteger(value)) return { text: formatInt(value), plainImplicit: true };
  if (typeof value === "number" || value instanceof PyFloat) {
    return { text: representFloat(typeof value === "number" ? value : value.value), plainImplicit: true };
  }
  if (isStr(value)) return { text: strValue(value), plainImplicit: readsAsString(strValue(value)) };
  return undefined;
}

// PyYAML's represent_float: .nan, .inf, -.inf, else repr() lower-cased with a `.0` before an exponent.
function representFloat(x: number): string {
  if (Number.isNaN(x)) return ".nan";
  if (!Number.isFinite(x)) return x > 0 ? ".inf" : "-.inf";
  const text = formatFloatRepr(x).toLowerCase();
  return !text.includes(".") && text.includes("e") ? text.replace("e", ".0e") : text;
}
