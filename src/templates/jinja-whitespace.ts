// Jinja2's whitespace settings on nunjucks' token stream: trim_blocks drops the newline after a block or
// comment tag, lstrip_blocks the spaces and tabs before one on its line, and `+` (`{%+`, `+%}`) turns
// either off for one tag. `-` is the parser's (as in nunjucks). The stream's methods are wrapped; nunjucks'
// lexer module is never patched.
import { type Token, type TokenStream, tokenType } from "./nunjucks-internals.js";

const DATA = tokenType("DATA");
const COMMENT = tokenType("COMMENT");
const BLOCK_START = tokenType("BLOCK_START");
const VARIABLE_START = tokenType("VARIABLE_START");
const BLOCK_END = tokenType("BLOCK_END");
const SYMBOL = tokenType("SYMBOL");
const WHITESPACE = tokenType("WHITESPACE");

// The two lexer settings, also read by the parser's `{% raw %}` (which reads the source directly).
export interface WhitespaceSettings {
  trimBlocks: boolean;
  lstripBlocks: boolean;
}

// Text before a tag with its last line removed when that line is only whitespace (lstrip_blocks).
// `lineStarting`: the text begins a line (the template's start, or a trimmed newline before it).
export function stripTagIndent(text: string, lineStarting: boolean): string {
  const lineStart = text.lastIndexOf("\n") + 1;
  if (lineStart === 0 && !lineStarting) return text;
  return /^\s+$/.test(text.slice(lineStart)) ? text.slice(0, lineStart) : text;
}

// Consumes one newline at the stream's position; whether there was one.
export function consumeNewline(tokens: TokenStream): boolean {
  if (tokens.current() !== "\n") return false;
  tokens.forward();
  return true;
}

// Applies trim_blocks, lstrip_blocks and `+` to the stream as Jinja2's lexer applies them.
export function controlWhitespace(tokens: TokenStream, settings: WhitespaceSettings): void {
  const next = tokens.nextToken.bind(tokens);
  let lineStarting = true;
  // Inside a block tag: whether it is `{% raw %}` (Jinja2 never trims after it) and whether it ends in `+%}`.
  let firstSymbol: string | undefined;
  let inBlock = false;
  let keepNewline = false;
  tokens.nextToken = (): Token | null => {
    if (tokens.in_code && tokens.current() === "+" && tokens.str.startsWith("%}", tokens.index + 1)) {
      tokens.forward();
      keepNewline = true;
    }
    const token = next();
    if (!token) return token;
    let startsLine = false;
    if (token.type === DATA) {
      const marker = tokens.str.slice(tokens.index, tokens.index + 3);
      const beforeTag = marker.startsWith("{%") || marker.startsWith("{#");
      if (beforeTag && settings.lstripBlocks && marker[2] !== "-" && marker[2] !== "+")
        token.value = stripTagIndent(token.value, lineStarting);
    } else if (token.type === BLOCK_START || token.type === VARIABLE_START) {
      if (tokens.current() === "+") tokens.forward();
      inBlock = token.type === BLOCK_START;
      firstSymbol = undefined;
      keepNewline = false;
    } else if (inBlock && token.type === SYMBOL && firstSymbol === undefined) {
      firstSymbol = token.value;
    } else if (token.type === BLOCK_END) {
      const trims = settings.trimBlocks && !keepNewline && !token.value.startsWith("-") && firstSymbol !== "raw";
      startsLine = trims && consumeNewline(tokens);
      inBlock = false;
    } else if (token.type === COMMENT) {
      const end = token.value.slice(-3);
      const trims = settings.trimBlocks && end !== "-#}" && end !== "+#}";
      startsLine = trims && consumeNewline(tokens);
    }
    if (token.type !== WHITESPACE) lineStarting = startsLine;
    return token;
  };
}
