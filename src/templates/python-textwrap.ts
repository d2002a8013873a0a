// Python's textwrap.wrap() as Jinja2's wordwrap filter calls it (expand_tabs=False,
// replace_whitespace=False, drop_whitespace=True), ported from CPython 3.11's textwrap.py.
import { isPythonSpace } from "./python-strings.js";

const whitespace = String.raw`[\t\n\v\f\r ]`;
const noWhitespace = String.raw`[^\t\n\v\f\r ]`;
const wordPunctuation = String.raw`[\p{L}\p{N}_!"'&.,?]`;
const letter = String.raw`[\p{L}]`;

// CPython's TextWrapper.wordsep_re: whitespace runs, em-dashes, words split after hyphens.
const wordSeparator = new RegExp(
  `(${whitespace}+|(?<=${wordPunctuation})-{2,}(?=[\\p{L}\\p{N}_])|${noWhitespace}+?(?:-(?:(?<=${letter}{2}-)|(?<=${letter}-${letter}-))(?=${letter}-?${letter})|(?=${whitespace}|$)|(?<=${wordPunctuation})(?=-{2,}[\\p{L}\\p{N}_])))`,
  "u",
);
const simpleSeparator = new RegExp(`(${whitespace}+)`, "u");

// How to wrap: the line width, and whether long words and hyphenated words may be broken.
export interface WrapOptions {
  width: number;
  breakLongWords: boolean;
  breakOnHyphens: boolean;
}

// textwrap.wrap(text, width, …): the wrapped lines.
export function wrap(text: string, options: WrapOptions): string[] {
  const separator = options.breakOnHyphens ? wordSeparator : simpleSeparator;
  const chunks = text.split(separator).filter((chunk) => chunk !== "");
  return wrapChunks(chunks, options);
}

const length = (text: string) => Array.from(text).length;
const isBlank = (text: string) => text === "" || isPythonSpace(text);

// TextWrapper._wrap_chunks: fills lines greedily, dropping whitespace at line edges.
function wrapChunks(chunks: string[], options: WrapOptions): string[] {
  const { width } = options;
  if (width <= 0) throw new Error(`invalid width ${width} (must be > 0)`);
  const lines: string[] = [];
  const pending = [...chunks].reverse();
  while (pending.length > 0) {
    const line: string[] = [];
    let lineLength = 0;
    if (lines.length > 0 && isBlank(pending.at(-1) ?? "")) pending.pop();
    while (pending.length > 0) {
      const next = length(pending.at(-1) ?? "");
      if (lineLength + next > width) break;
      line.push(pending.pop() ?? "");
      lineLength += next;
    }
    if (pending.length > 0 && length(pending.at(-1) ?? "") > width) {
      handleLongWord(pending, line, lineLength, options);
      lineLength = line.reduce((sum, chunk) => sum + length(chunk), 0);
    }
    if (line.length > 0 && isBlank(line.at(-1) ?? "")) {
      lineLength -= length(line.at(-1) ?? "");
      line.pop();
    }
    if (line.length > 0) lines.push(line.join(""));
  }
  return lines;
}

// TextWrapper._handle_long_word: breaks a chunk longer than a line (at a hyphen when it can).
function handleLongWord(pending: string[], line: string[], lineLength: number, options: WrapOptions): void {
  const spaceLeft = options.width < 1 ? 1 : options.width - lineLength;
  if (options.breakLongWords) {
    const chunk = Array.from(pending.at(-1) ?? "");
    let end = spaceLeft;
    if (options.breakOnHyphens && chunk.length > spaceLeft) {
      const hyphen = chunk.slice(0, spaceLeft).lastIndexOf("-");
      if (hyphen > 0 && chunk.slice(0, hyphen).some((char) => char !== "-")) end = hyphen + 1;
    }
    line.push(chunk.slice(0, end).join(""));
    pending[pending.length - 1] = chunk.slice(end).join("");
  } else if (line.length === 0) {
    line.push(pending.pop() ?? "");
  }
}
