// Long one-line shell commands folded for reading in a PR comment: broken at a space outside quotes
// with a backslash-newline (a line continuation, so the folded text is the same command), never inside
// a quoted argument. Commands of several lines (heredocs) are left as they are.

const width = 100;

// The command with continuation lines of at most about `width` characters where a break is possible.
export function foldCommand(command: string): string {
  if (command.length <= width || command.includes("\n")) return command;
  const lines: string[] = [];
  let line = "";
  let quote: "'" | '"' | undefined;
  let escaped = false;
  for (const char of command) {
    const breakable = char === " " && !quote && !escaped;
    if (breakable && line.length >= width) {
      lines.push(`${line} \\`);
      line = "   ";
      continue;
    }
    line += char;
    if (escaped) escaped = false;
    else if (char === "\\" && quote !== "'") escaped = true;
    else if (quote && char === quote) quote = undefined;
    else if (!quote && (char === "'" || char === '"')) quote = char;
  }
  lines.push(line);
  return lines.join("\n");
}
