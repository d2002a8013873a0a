// nunjucks' lexer made to read what Jinja2's reads: Python string escapes, `1_000` and `1e3` numbers,
// `}}` closing nested dict literals, and `#}` in plain text. Each tweak wraps one token stream's own
// methods: nunjucks' lexer module is never patched.

import { controlWhitespace, type WhitespaceSettings } from "./jinja-whitespace.js";
import { internals, type TokenStream, tokenType } from "./nunjucks-internals.js";

const SYMBOL = tokenType("SYMBOL");
const INT = tokenType("INT");
const FLOAT = tokenType("FLOAT");
const LEFT_CURLY = tokenType("LEFT_CURLY");
const RIGHT_CURLY = tokenType("RIGHT_CURLY");
const BLOCK_END = tokenType("BLOCK_END");
const VARIABLE_END = tokenType("VARIABLE_END");

// Python's string-literal escapes, as Jinja2 decodes them (unknown escapes keep their backslash).
export function decodePythonEscapes(raw: string): string {
  return raw.replace(
    /\\(?:([\\'"abfnrtv])|\n|([0-7]{1,3})|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/g,
    (whole, simple: string | undefined, octal: string | undefined, ...hex: (string | undefined)[]) => {
      if (simple !== undefined) return simpleEscapes[simple] ?? simple;
      if (octal !== undefined) return String.fromCodePoint(Number.parseInt(octal, 8));
      const code = hex.slice(0, 3).find((part) => typeof part === "string");
      if (code !== undefined) return String.fromCodePoint(Number.parseInt(code, 16));
      return whole === "\\\n" ? "" : whole;
    },
  );
}

const simpleEscapes: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

// Reads a quoted string with Python's escapes (replaces the token stream's nunjucks reading).
function readPythonString(this: TokenStream, delimiter: string): string {
  this.forward();
  let raw = "";
  while (!this.isFinished() && this.current() !== delimiter) {
    if (this.current() === "\\") {
      raw += this.current();
      this.forward();
    }
    raw += this.current();
    this.forward();
  }
  this.forward();
  return decodePythonEscapes(raw);
}

// Reads numbers as Jinja2 does: `1_000`, `1e3`, `2.5e-3` (nunjucks lexes only `12` and `1.5`).
function readPythonNumbers(tokens: TokenStream): void {
  const next = tokens.nextToken.bind(tokens);
  const digits = String.raw`\d+(?:_\d+)*`;
  const wholeInt = new RegExp(`^${digits}$`);
  const intThenE = new RegExp(`^${digits}e(${digits})?$`, "i");
  const exponentAhead = new RegExp(`^e[+-]?${digits}`, "i");
  const signedAhead = new RegExp(`^[+-]${digits}`);
  const consume = (pattern: RegExp): string => {
    const match = pattern.exec(tokens.str.slice(tokens.index));
    if (!match) return "";
    for (let i = 0; i < match[0].length; i++) tokens.forward();
    return match[0];
  };
  tokens.nextToken = () => {
    const token = next();
    if (!token) return token;
    if (token.type === SYMBOL && wholeInt.test(token.value))
      return { ...token, type: INT, value: token.value.replaceAll("_", "") };
    const exponent = token.type === SYMBOL ? intThenE.exec(token.value) : null;
    if (exponent) {
      const rest = exponent[1] === undefined ? consume(signedAhead) : "";
      if (exponent[1] !== undefined || rest)
        return { ...token, type: FLOAT, value: (token.value + rest).replaceAll("_", "") };
    }
    // nunjucks lexes `users.0.name` as `users` `.` `0.` `name`; Jinja2's floats need digits after the point.
    if (token.type === FLOAT && token.value.endsWith(".")) {
      tokens.back();
      return { ...token, type: INT, value: token.value.slice(0, -1).replaceAll("_", "") };
    }
    if (token.type === FLOAT || token.type === INT) {
      const rest = consume(exponentAhead);
      if (rest) return { ...token, type: FLOAT, value: (token.value + rest).replaceAll("_", "") };
    }
    return token;
  };
}

// Reads `}}` inside an open `{` as two closing braces, as Jinja2's lexer does (`{{ {"a": {"b": 1}} }}`).
function balanceBraces(tokens: TokenStream): void {
  const next = tokens.nextToken.bind(tokens);
  let depth = 0;
  tokens.nextToken = () => {
    if (depth > 0 && tokens.in_code && tokens.current() === "}") {
      const token = { type: RIGHT_CURLY, value: "}", lineno: tokens.lineno, colno: tokens.colno };
      tokens.forward();
      depth -= 1;
      return token;
    }
    const token = next();
    if (token?.type === LEFT_CURLY) depth += 1;
    else if (token?.type === RIGHT_CURLY) depth = Math.max(0, depth - 1);
    else if (token?.type === VARIABLE_END || token?.type === BLOCK_END) depth = 0;
    return token;
  };
}

// A token stream that carries the whitespace settings it was lexed with (the parser's `{% raw %}` reads them).
export type JinjaTokenStream = TokenStream & { whitespace: WhitespaceSettings };

// Lexes a template the way Jinja2 would: Python string escapes, `#}` outside a comment is text, and the
// whitespace settings (trim_blocks, lstrip_blocks) applied as Jinja2's lexer applies them.
export function lexJinja(
  source: string,
  whitespace: WhitespaceSettings = { trimBlocks: false, lstripBlocks: false },
): JinjaTokenStream {
  const tokens = internals.lexer.lex(source, { trimBlocks: false, lstripBlocks: false }) as TokenStream & {
    src: string;
    _matches(text: string): boolean | null;
    _extractString(text: string): string | null;
  };
  tokens._parseString = readPythonString;
  // nunjucks' Tokenizer.back() reads `this.src`, which it never sets.
  tokens.src = source;
  readPythonNumbers(tokens);
  balanceBraces(tokens);
  // nunjucks rejects `#}` in plain text ("unexpected end of comment"); Jinja2 prints it.
  let inComment = false;
  const matches = tokens._matches.bind(tokens);
  const extractString = tokens._extractString.bind(tokens);
  tokens._matches = (text) => (text === "#}" && !inComment ? false : matches(text));
  tokens._extractString = (text) => {
    const extracted = extractString(text);
    if (extracted === "{#") inComment = true;
    if (extracted === "#}") inComment = false;
    return extracted;
  };
  controlWhitespace(tokens, whitespace);
  return Object.assign(tokens, { whitespace });
}
