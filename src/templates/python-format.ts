// Python's string formatting: printf-style `"%s:%d" % args` (the `format` filter, the `%` operator) and
// `"{}:{:>5}".format(args)` (str.format, with the format-spec mini-language).
import { JinjaRuntimeError } from "./jinja-errors.js";
import { formatExponent, formatFixed, formatFloatRepr, formatGeneral, formatInt } from "./python-numbers.js";
import {
  defined,
  isDict,
  isFloat,
  isNumeric,
  isStr,
  isTuple,
  pyRepr,
  pyStr,
  requireInt,
  strValue,
  toNumber,
  typeName,
} from "./python-values.js";

const percentSpec = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsa%])/g;

// Python's `template % args`: a tuple gives positional values, a dict named ones, anything else one value.
export function formatPercent(template: string, args: unknown): string {
  const mapping = isDict(args) ? args : undefined;
  const values = isTuple(args) ? [...args] : [args];
  let next = 0;
  const take = (): unknown => {
    if (next >= values.length) throw new JinjaRuntimeError("not enough arguments for format string");
    return values[next++];
  };
  let usedMapping = false;
  const text = template.replace(
    percentSpec,
    (_whole, key: string | undefined, flags: string, width, precision, type: string) => {
      if (type === "%") return "%";
      let value: unknown;
      const widthValue =
        width === "*" ? requireInt(take(), starWantsInt) : width === undefined ? undefined : Number(width);
      const precisionValue =
        precision === "*"
          ? requireInt(take(), starWantsInt)
          : precision === undefined
            ? undefined
            : Number(precision || "0");
      if (key !== undefined) {
        if (!mapping) throw new JinjaRuntimeError("format requires a mapping");
        if (!Object.hasOwn(mapping, key)) throw new JinjaRuntimeError(`KeyError: ${pyRepr(key)}`);
        value = mapping[key];
        usedMapping = true;
      } else {
        value = take();
      }
      const spec = { flags, width: widthValue, precision: precisionValue, type };
      return applyPercentSpec(value, spec);
    },
  );
  if (!usedMapping && !mapping && next < values.length) {
    throw new JinjaRuntimeError("not all arguments converted during string formatting");
  }
  return text;
}

interface PercentSpec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  type: string;
}

// Formats one value for one %-conversion.
function applyPercentSpec(value: unknown, spec: PercentSpec): string {
  const { flags, precision, type } = spec;
  let body: string;
  let numeric = false;
  if (type === "s" || type === "r" || type === "a") {
    body = type === "s" ? pyStr(value) : pyRepr(value);
    if (precision !== undefined) body = Array.from(body).slice(0, precision).join("");
  } else if (type === "c") {
    body = isStr(value) ? strValue(value) : String.fromCodePoint(requireInt(value, starWantsInt));
  } else {
    numeric = true;
    body = withSign(
      formatNumberConversion(value, type, precision, flags.includes("#")),
      flags.includes("+") ? "+" : flags.includes(" ") ? " " : undefined,
    );
  }
  return pad(
    body,
    spec.width ?? 0,
    flags.includes("-") ? "<" : numeric && flags.includes("0") ? "=" : ">",
    numeric && flags.includes("0") ? "0" : " ",
  );
}

// The digits of a %d, %x, %f… conversion.
function formatNumberConversion(
  value: unknown,
  type: string,
  precision: number | undefined,
  alternate: boolean,
): string {
  const known = defined(value);
  if (!isNumeric(known)) {
    if ("diouxXc".includes(type)) {
      throw new JinjaRuntimeError(`%${type} format: a real number is required, not ${typeName(known)}`);
    }
    throw new JinjaRuntimeError(`must be real number, not ${typeName(known)}`);
  }
  const number = toNumber(known);
  switch (type) {
    case "d":
    case "i":
    case "u":
      return formatInt(Math.trunc(number));
    case "o":
    case "x":
    case "X":
      return formatRadix(Math.trunc(number), type, alternate);
    default:
      return formatFloat(number, type, precision, alternate);
  }
}

// A number as e, E, f, F, g or G (the general form for any other type), 6 digits by default.
function formatFloat(number: number, type: string | undefined, precision: number | undefined, alternate: boolean) {
  switch (type) {
    case "e":
    case "E":
      return formatExponent(number, precision ?? 6, type === "E");
    case "f":
    case "F":
      return formatFixed(number, precision ?? 6);
    default:
      return formatGeneral(number, precision ?? 6, type === "G", alternate);
  }
}

// An integer in base 2, 8 or 16, with 0b, 0o or 0x (0X) when `alternate`.
function formatRadix(n: number, type: string, alternate: boolean): string {
  const digits = BigInt(Math.abs(n)).toString(type === "b" ? 2 : type === "o" ? 8 : 16);
  const prefix = alternate ? `0${type}` : "";
  return `${n < 0 ? "-" : ""}${prefix}${type === "X" ? digits.toUpperCase() : digits}`;
}

// The error of a non-int `*` width or precision, or %c code point (Python's own words).
const starWantsInt = () => "* wants int";

// Pads text to a width: left (<), right (>), centre (^) or after the sign (=).
function pad(text: string, width: number, align: string, fill: string): string {
  const length = Array.from(text).length;
  if (length >= width) return text;
  const padding = width - length;
  if (align === "<") return text + fill.repeat(padding);
  if (align === "^") {
    const left = Math.floor(padding / 2);
    return fill.repeat(left) + text + fill.repeat(padding - left);
  }
  if (align === "=") {
    const sign = /^[-+ ]/.test(text) ? (text[0] ?? "") : "";
    const prefix = /^[-+ ]?0[xob]/i.test(text) ? text.slice(sign.length, sign.length + 2) : "";
    const rest = text.slice(sign.length + prefix.length);
    return sign + prefix + fill.repeat(padding) + rest;
  }
  return fill.repeat(padding) + text;
}

const formatSpecPattern = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

// Python's format(value, spec): the format-spec mini-language of str.format.
export function formatWithSpec(value: unknown, spec: string): string {
  const known = defined(value);
  const match = formatSpecPattern.exec(spec);
  if (!match) throw new JinjaRuntimeError(`Invalid format specifier '${spec}' for object of type '${typeName(known)}'`);
  const [, fillChar, alignChar, sign, , alternate, zero, width, grouping, precisionText, type] = match;
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  const fill = fillChar ?? (zero && !alignChar ? "0" : " ");
  const widthValue = width === undefined ? 0 : Number(width);
  if (!isNumeric(known) || (typeof known === "boolean" && !type)) {
    if (type && type !== "s") {
      throw new JinjaRuntimeError(`Unknown format code '${type}' for object of type '${typeName(known)}'`);
    }
    if (spec === "") return pyStr(known);
    if (!isStr(known)) throw new JinjaRuntimeError(`unsupported format string passed to ${typeName(known)}.__format__`);
    const text = precision === undefined ? strValue(known) : Array.from(strValue(known)).slice(0, precision).join("");
    return pad(text, widthValue, alignChar ?? "<", fill);
  }
  let body = formatNumberSpec(known, type, precision, alternate === "#");
  if (grouping) body = groupDigits(body, grouping);
  body = withSign(body, sign);
  return pad(body, widthValue, alignChar ?? (zero ? "=" : ">"), fill);
}

// The digits of a number for a format-spec type.
function formatNumberSpec(
  value: number | boolean | PyFloatLike,
  type: string | undefined,
  precision: number | undefined,
  alternate: boolean,
): string {
  const number = toNumber(value);
  const float = isFloat(value);
  switch (type) {
    case undefined:
      if (!float) return formatInt(number);
      if (precision === undefined) return formatFloatRepr(number);
      return formatGeneral(number, precision, false, alternate);
    case "d":
    case "n":
      if (float) throw new JinjaRuntimeError(`Unknown format code '${type}' for object of type 'float'`);
      return formatInt(number);
    case "b":
    case "o":
    case "x":
    case "X": {
      if (float) throw new JinjaRuntimeError(`Unknown format code '${type}' for object of type 'float'`);
      return formatRadix(number, type, alternate);
    }
    case "c":
      return String.fromCodePoint(number);
    case "%":
      return `${formatFixed(number * 100, precision ?? 6)}%`;
    default:
      return formatFloat(number, type, precision, alternate);
  }
}

type PyFloatLike = Parameters<typeof toNumber>[0];

// Puts "+" or " " before a number that has no "-".
function withSign(body: string, sign: string | undefined): string {
  return (sign === "+" || sign === " ") && !body.startsWith("-") ? `${sign}${body}` : body;
}

// Inserts thousands separators into the integer part of formatted digits.
function groupDigits(text: string, separator: string): string {
  const match = /^([-+ ]?)(\d+)(.*)$/s.exec(text);
  if (!match) return text;
  const [, sign = "", digits = "", rest = ""] = match;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator) + rest;
}

// Python's str.format(*args, **kwargs): `{}`, `{0}`, `{name}`, `{0.attr}`/`{0[key]}`, `!r`/`!s`, `:spec`.
export function formatBraces(
  template: string,
  args: unknown[],
  kwargs: Record<string, unknown>,
  getField: (value: unknown, name: string, attribute: boolean) => unknown,
): string {
  let auto = 0;
  return template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (whole, field: string | undefined) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    const match = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field ?? "");
    if (!match) throw new JinjaRuntimeError(`invalid format field {${field}}`);
    const [, head = "", path = "", conversion, spec = ""] = match;
    let value: unknown;
    if (head === "") value = positional(args, auto++);
    else if (/^\d+$/.test(head)) value = positional(args, Number(head));
    else if (Object.hasOwn(kwargs, head)) value = kwargs[head];
    else throw new JinjaRuntimeError(`KeyError: ${pyRepr(head)}`);
    for (const part of path.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
      const attribute = part.startsWith(".");
      value = getField(value, attribute ? part.slice(1) : part.slice(1, -1), attribute);
    }
    if (conversion === "r" || conversion === "a") value = pyRepr(value);
    else if (conversion === "s") value = pyStr(value);
    return formatWithSpec(value, spec);
  });
}

// The positional argument at an index of str.format.
function positional(args: unknown[], index: number): unknown {
  if (index >= args.length) {
    throw new JinjaRuntimeError(`Replacement index ${index} out of range for positional args tuple`);
  }
  return args[index];
}
