// Numbers printed and rounded as Python does: float repr, `%f`/`%e`/`%g` formatting and round(), all
// computed on the exact binary value (Python rounds half to even on it; JavaScript's toFixed does not).

// The exact decimal value of a finite double: |x| = digits × 10^exponent.
interface ExactDecimal {
  negative: boolean;
  digits: bigint;
  exponent: number;
}

// Python's repr() of a float: shortest round-trip digits, scientific below 1e-4 and from 1e16 up.
export function formatFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "", exponentText = "0"] = x.toExponential().split("e");
  const sign = x < 0 ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  return `${sign}${whole}.${digits.slice(exponent + 1) || "0"}`;
}

// Python's str() of an int held in a double (exact, no exponent).
export function formatInt(x: number): string {
  return Number.isSafeInteger(x) ? String(x === 0 ? 0 : x) : BigInt(x).toString();
}

// The exact decimal expansion of a finite double.
function toExactDecimal(x: number): ExactDecimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent2 = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent2 = biased - 1075;
  }
  const negative = high >>> 31 === 1;
  if (exponent2 >= 0) return { negative, digits: mantissa << BigInt(exponent2), exponent: 0 };
  return { negative, digits: mantissa * 5n ** BigInt(-exponent2), exponent: exponent2 };
}

// digits × 10^exponent rounded half to even to a multiple of 10^-places, as an integer count of them.
function roundHalfEven(value: ExactDecimal, places: number): bigint {
  const shift = -value.exponent - places;
  if (shift <= 0) return value.digits * 10n ** BigInt(-shift);
  const unit = 10n ** BigInt(shift);
  const quotient = value.digits / unit;
  const twiceRemainder = (value.digits % unit) * 2n;
  if (twiceRemainder > unit || (twiceRemainder === unit && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

// Places a decimal point `places` digits from the right of an integer's digits.
function insertPoint(units: bigint, places: number): string {
  if (places <= 0) return units.toString();
  const text = units.toString().padStart(places + 1, "0");
  return `${text.slice(0, -places)}.${text.slice(-places)}`;
}

// Python's `'%.{places}f' % x`.
export function formatFixed(x: number, places: number): string {
  if (!Number.isFinite(x)) return formatNonFinite(x);
  const exact = toExactDecimal(x);
  return `${exact.negative ? "-" : ""}${insertPoint(roundHalfEven(exact, places), places)}`;
}

// Python's `'%.{places}e' % x`.
export function formatExponent(x: number, places: number, upper = false): string {
  if (!Number.isFinite(x)) return formatNonFinite(x, upper);
  const exact = toExactDecimal(x);
  let exponent = 0;
  let units = 0n;
  if (exact.digits !== 0n) {
    exponent = exact.digits.toString().length - 1 + exact.exponent;
    units = roundHalfEven(exact, places - exponent);
    if (units.toString().length > places + 1) {
      exponent += 1;
      units = roundHalfEven(exact, places - exponent);
    }
  }
  const mantissa = insertPoint(units, places);
  const sign = exponent < 0 ? "-" : "+";
  const text = `${exact.negative ? "-" : ""}${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  return upper ? text.toUpperCase() : text;
}

// Python's `'%.{precision}g' % x` (`alternate` is the `#` flag: keep trailing zeros).
export function formatGeneral(x: number, precision: number, upper = false, alternate = false): string {
  if (!Number.isFinite(x)) return formatNonFinite(x, upper);
  const significant = precision === 0 ? 1 : precision;
  const scientific = formatExponent(x, significant - 1);
  const exponent = Number(scientific.slice(scientific.indexOf("e") + 1));
  let text = exponent >= -4 && exponent < significant ? formatFixed(x, significant - 1 - exponent) : scientific;
  if (!alternate) text = stripTrailingZeros(text);
  return upper ? text.toUpperCase() : text;
}

// "1.500e+03" → "1.5e+03", "2.000" → "2".
function stripTrailingZeros(text: string): string {
  const at = text.indexOf("e");
  const mantissa = at === -1 ? text : text.slice(0, at);
  const rest = at === -1 ? "" : text.slice(at);
  if (!mantissa.includes(".")) return text;
  return mantissa.replace(/0+$/, "").replace(/\.$/, "") + rest;
}

// "inf", "-inf", "nan" as Python's %-formatting writes them.
function formatNonFinite(x: number, upper = false): string {
  const text = Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  return upper ? text.toUpperCase() : text;
}

// Python's round(x, places) for a float: the double nearest the correctly rounded decimal.
export function roundFloat(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const exact = toExactDecimal(x);
  const units = roundHalfEven(exact, places);
  const value = Number(`${units}e${-places}`);
  return exact.negative ? -value : value;
}

// Python's round(n, places) for an int: unchanged for places ≥ 0, else half to even at 10^-places.
export function roundInt(n: number, places: number): number {
  if (places >= 0) return n;
  const unit = 10n ** BigInt(-places);
  const value = BigInt(n);
  const magnitude = value < 0n ? -value : value;
  const quotient = magnitude / unit;
  const twiceRemainder = (magnitude % unit) * 2n;
  const rounded = twiceRemainder > unit || (twiceRemainder === unit && quotient % 2n === 1n) ? quotient + 1n : quotient;
  return Number((value < 0n ? -rounded : rounded) * unit);
}

// Python's float(str): decimal or scientific, underscores between digits, inf/nan; undefined if invalid.
export function parsePythonFloat(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(trimmed);
  if (special) return special[2] === "nan" ? Number.NaN : special[1] === "-" ? -Infinity : Infinity;
  const digits = String.raw`\d(?:_?\d)*`;
  const pattern = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:e[+-]?${digits})?$`);
  if (!pattern.test(trimmed)) return undefined;
  return Number(trimmed.replaceAll("_", ""));
}

// Python's int(str, base): optional sign, digits with single underscores, a 0x/0o/0b prefix for its base.
export function parsePythonInt(text: string, base: number): number | undefined {
  let body = text.trim().toLowerCase();
  let sign = 1;
  if (body.startsWith("-") || body.startsWith("+")) {
    if (body.startsWith("-")) sign = -1;
    body = body.slice(1);
  }
  const prefixes: Record<string, number> = { "0x": 16, "0o": 8, "0b": 2 };
  const prefixBase = prefixes[body.slice(0, 2)];
  let radix = base;
  if (prefixBase !== undefined && (base === 0 || base === prefixBase)) {
    radix = prefixBase;
    body = body.slice(2).replace(/^_/, "");
  } else if (base === 0) {
    radix = 10;
    if (/^0+[1-9]/.test(body)) return undefined;
  }
  if (radix < 2 || radix > 36 || !/^[0-9a-z]+(?:_[0-9a-z]+)*$/.test(body)) return undefined;
  let value = 0n;
  for (const char of body.replaceAll("_", "")) {
    const digit = Number.parseInt(char, 36);
    if (digit >= radix) return undefined;
    value = value * BigInt(radix) + BigInt(digit);
  }
  return sign * Number(value);
}
